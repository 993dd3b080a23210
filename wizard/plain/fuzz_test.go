package plain

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Whatever is piped in, the accessible walk ends (no loop, no panic) with one of its
// documented outcomes, draws no escape sequence and never prints the secret it was given.
func FuzzAccessibleInput(f *testing.F) {
	f.Add(lines("Salon", "n", "y", testSecret, "1234567890", "1", "", "y", "", ""))
	f.Add(lines("<", "<", "back", "戻る", "o", "o2", "はい"))
	f.Add("Salon\ny\n\x1b[31mred\x1b[0m\n" + testSecret + "\n")
	f.Add("\n\n\n\n\n\n\n\n\n\n\n\n\n\n")
	f.Add("Salon\r\nyes\r\n\r\n12\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, _ := newSession(t, testFlow(), steps.Answers{"line.messaging_api.channel_secret": testSecret2}, steps.EN)
		o, out, errb := streams(in)
		err := RunAccessible(context.Background(), s, o)
		var inv *wizard.InvalidError
		var code *wizard.ExitCodeError
		switch {
		case err == nil, errors.As(err, &inv):
		case errors.As(err, &code) && code.Code == wizard.ExitUsage:
		default:
			t.Fatalf("unexpected outcome %v", err)
		}
		for _, o := range []string{out.String(), errb.String()} {
			if strings.ContainsRune(o, 0x1b) {
				t.Fatalf("escape sequence in the output: %q", o)
			}
			if !strings.Contains(in, testSecret2) && strings.Contains(o, testSecret2) {
				t.Fatalf("the given secret was printed: %q", o)
			}
		}
	})
}

package main

import (
	"bytes"
	"strings"
	"testing"
)

// help environment: every variable has a description, and the descriptions start in one
// column however long the names are (SETUP_WIZARD_CHANNEL_ACCESS_TOKEN_FILE pushed its text
// out of a fixed 34-character column).
func TestEnvironmentHelpColumns(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		var out, errb bytes.Buffer
		if code := run([]string{"--lang", lang, "help", "environment"}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, func(string) string { return "" }); code != 0 {
			t.Fatalf("%s: exit %d: %s", lang, code, errb.String())
		}
		col, rows := -1, 0
		for _, ln := range strings.Split(out.String(), "\n") {
			if !strings.HasPrefix(ln, "  ") || strings.HasPrefix(ln, "   ") {
				continue
			}
			name := strings.Fields(ln)[0]
			rest := strings.TrimLeft(ln[2+len(name):], " ")
			if rest == "" {
				t.Errorf("%s: %s has no description", lang, name)
				continue
			}
			if len(ln)-len(rest)-2-len(name) < 2 {
				t.Errorf("%s: %s touches its description: %q", lang, name, ln)
			}
			c := len(ln) - len(rest)
			if col == -1 {
				col = c
			} else if c != col {
				t.Errorf("%s: %s: description at column %d, others at %d", lang, name, c, col)
			}
			rows++
		}
		if rows < 30 {
			t.Fatalf("%s: only %d variables listed:\n%s", lang, rows, out.String())
		}
	}
}

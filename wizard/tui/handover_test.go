package tui

import (
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

func TestRedactIn(t *testing.T) {
	long := "djdH0123456789abcdef"
	for _, tc := range []struct {
		lang steps.Lang
		in   string
		want string
	}{
		{steps.JA, long, "djdH…（20文字）"},
		{steps.JA, "abcd1234", "…（8文字）"},
		{steps.JA, "", ""},
		{steps.JA, "秘密の値はここにあります", "秘密の値…（12文字）"},
		{steps.EN, long, config.RedactValue(long)},
		{steps.EN, "abcd1234", config.RedactValue("abcd1234")},
	} {
		if got := redactIn(tc.lang, tc.in); got != tc.want {
			t.Errorf("redactIn(%s, %q) = %q, want %q", tc.lang, tc.in, got, tc.want)
		}
	}
	if got := (handRow{value: long, secret: true}).shown(false, steps.JA); got != "djdH…（20文字）" {
		t.Errorf("masked row = %q", got)
	}
	if got := (handRow{value: long, secret: true}).shown(true, steps.JA); got != long {
		t.Errorf("revealed row = %q", got)
	}
}

package redact

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// SensitiveFields are the form, JSON and query fields whose values Trace never shows,
// whoever's they are.
var SensitiveFields = []string{
	"access_token", "client_secret", "token", "id_token", "code", "code_verifier",
	"refresh_token", "channel_secret", "channel_access_token", "channelSecret",
	"channelAccessToken", "client_assertion", "password",
}

var (
	fieldAlt = func() string {
		q := make([]string, len(SensitiveFields))
		for i, f := range SensitiveFields {
			q[i] = regexp.QuoteMeta(f)
		}
		return strings.Join(q, "|")
	}()
)

// fieldREs are compiled on first use: a program that only prints its version pays nothing.
var fieldREs = sync.OnceValue(func() [4]*regexp.Regexp {
	return [4]*regexp.Regexp{
		// "client_secret": "…" in JSON, also when the excerpt is cut short.
		regexp.MustCompile(`(?i)("(?:` + fieldAlt + `)"\s*:\s*)"(?:[^"\\]|\\.)*("|$)`),
		// client_secret=… in a form or query string.
		regexp.MustCompile(`(?i)((?:^|[?&;\s])(?:` + fieldAlt + `)=)[^&;\s"]*`),
		// Authorization: Bearer … / Basic … wherever it shows.
		regexp.MustCompile(`(?i)(authorization["']?\s*[:=]\s*["']?(?:bearer\s+|basic\s+)?)[^\s"',;&]+`),
		regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}`),
	}
})

func maskFields(s string) string {
	re := fieldREs()
	jsonFieldRE, formFieldRE, authHeaderRE, authRE := re[0], re[1], re[2], re[3]
	s = jsonFieldRE.ReplaceAllString(s, `$1"`+Redacted+`$2`)
	s = formFieldRE.ReplaceAllString(s, `${1}`+Redacted)
	s = authHeaderRE.ReplaceAllString(s, `${1}`+Redacted)
	s = authRE.ReplaceAllString(s, `$1 `+Redacted)
	return s
}

// Mask shows a secret the operator knows without showing it: its first four characters
// and its length, "djdH… (172 characters)"; eight characters or fewer show nothing of
// themselves. The value is stripped first, so what is shown is what can be drawn.
func Mask(v string) string {
	r := []rune(StripLine(v))
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 8:
		return fmt.Sprintf("… (%d characters)", len(r))
	}
	return fmt.Sprintf("%s… (%d characters)", string(r[:4]), len(r))
}

// MaskJA is Mask in Japanese: "djdH…（172文字）".
func MaskJA(v string) string {
	r := []rune(StripLine(v))
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 8:
		return fmt.Sprintf("…（%d文字）", len(r))
	}
	return fmt.Sprintf("%s…（%d文字）", string(r[:4]), len(r))
}

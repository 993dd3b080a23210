package steps

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Clean makes text that did not come from this program safe to draw: escape sequences are
// removed whole, other control characters (a bell, a carriage return that would overwrite
// the line) are dropped, and tabs and new lines become spaces. Every string from an API, a
// file or the environment goes through it before it reaches a screen or a report.
func Clean(s string) string {
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', r == 0x9b:
			return -1
		case unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}

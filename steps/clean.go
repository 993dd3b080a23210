package steps

import "github.com/setup-wizard/setup-wizard/internal/redact"

// Clean makes text that did not come from this program safe to draw: escape sequences are
// removed whole, other control characters (a bell, a carriage return that would overwrite
// the line) and invisible format characters (zero-width, bidi) are dropped, and tabs and
// new lines become spaces. Every string from an API, a file or the environment goes
// through it before it reaches a screen or a report. It is redact.StripLine: the secrets
// themselves are masked by the run's redact.Set.
func Clean(s string) string { return redact.StripLine(s) }

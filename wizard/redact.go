package wizard

import (
	"sync"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
)

// IsSecretKey reports whether the value at key is a secret: a field declared secret in
// any flow or a secret of the config schema. Front ends ask this, never config.
func IsSecretKey(key string) bool { return config.IsSecret(key) }

// redactInit guards the lazy creation of a Session's Set.
var redactInit sync.Mutex

// redactor is the Set that makes the session's text safe, knowing the secrets answered
// so far.
func (s *Session) redactor() *redact.Set {
	redactInit.Lock()
	if s.Redact == nil {
		s.Redact = redact.New()
	}
	redactInit.Unlock()
	if s.Engine != nil {
		a := s.Engine.Answers()
		for _, st := range s.Engine.Flow().Steps {
			for _, f := range st.Fields {
				if f.Secret() {
					s.Redact.Add(a.Get(f.Key))
				}
			}
		}
		for _, k := range config.SecretKeys() {
			s.Redact.Add(a.Get(k))
		}
	}
	return s.Redact
}

// Safe is t as a front end may draw it: escape sequences and control, format and bidi
// characters stripped, new lines kept, every secret of the run masked.
func (s *Session) Safe(t string) string { return s.redactor().Text(t) }

// SafeLine is Safe on one line (new lines and tabs become spaces).
func (s *Session) SafeLine(t string) string { return s.redactor().Line(t) }

// Shown is how the value at key is drawn in l: a secret shortened to its first four
// characters and its length ("djdH… (172 characters)", "djdH…（172文字）"), anything
// else made safe.
func (s *Session) Shown(key string, secret bool, v string, l steps.Lang) string {
	if secret || IsSecretKey(key) {
		return Mask(v, l)
	}
	return s.SafeLine(v)
}

// Mask shortens a secret for the screen in l.
func Mask(v string, l steps.Lang) string {
	if l == steps.JA {
		return redact.MaskJA(v)
	}
	return redact.Mask(v)
}

// SecretValues lists the secrets the session knows (for a front end that must tell
// whether a line it was given holds one).
func (s *Session) SecretValues() []string { return s.redactor().Values() }

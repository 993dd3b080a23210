// Package redact is the one place where text leaving the process is made safe: it knows
// every secret of the run and, after stripping control, escape, format and bidi characters
// and reading JSON, URL and HTML escapes, masks each secret and every long run of one.
//
// Every report, trace, saved verification, export, screen and panic message goes through
// a Set; the front ends receive text that has already been through it.
package redact

import (
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Redacted replaces a masked secret or part of one.
const Redacted = "[redacted]"

// Run is how many consecutive characters of a secret are masked wherever they appear,
// even when the whole value does not: a cut or partly changed echo still leaks that much.
const Run = 12

// MinLen is the shortest secret matched as a whole; shorter values (a stray "a" typed in a
// secret field) would mask ordinary words everywhere.
const MinLen = 6

// Set holds the secrets of one run. The zero value and nil are usable: with no secrets a
// Set only strips. It is safe for use by many goroutines.
type Set struct {
	mu    sync.RWMutex
	vals  map[string]bool   // as given (trimmed)
	grams map[uint64]string // rolling hash of every Run-long piece → the piece
	short [][]rune          // normalised secrets shorter than Run
}

// New returns a Set knowing secrets.
func New(secrets ...string) *Set {
	s := &Set{}
	s.Add(secrets...)
	return s
}

// Add makes the Set mask values too; blank values are ignored.
func (s *Set) Add(values ...string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" || s.vals[v] {
			continue
		}
		if s.vals == nil {
			s.vals = map[string]bool{}
			s.grams = map[uint64]string{}
		}
		s.vals[v] = true
		norm := normalise(v)
		if len(norm) < MinLen {
			continue
		}
		if len(norm) < Run {
			s.short = append(s.short, norm)
			continue
		}
		for i := 0; i+Run <= len(norm); i++ {
			piece := norm[i : i+Run]
			s.grams[hashRunes(piece)] = string(piece)
		}
	}
}

// Values lists the secrets the Set knows, longest first.
func (s *Set) Values() []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.vals))
	for v := range s.vals {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// Has reports whether v is (after trimming) one of the secrets.
func (s *Set) Has(v string) bool {
	if s == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.vals[strings.TrimSpace(v)]
}

// Text makes t safe to show, keeping its lines: escape sequences and control, format
// and bidi characters are stripped (new lines and tabs stay), then every secret and every
// run of Run characters of one is replaced by Redacted, also where it was written with
// JSON (\u002b, \/), URL (%2B) or HTML (&#43;) escapes or with stripped characters inside.
func (s *Set) Text(t string) string {
	return s.mask(Strip(t))
}

// Line is Text on one line: new lines and tabs become spaces. For a report's message or
// detail, a trace line, a screen's cell.
func (s *Set) Line(t string) string {
	return s.mask(StripLine(t))
}

// Trace is Line that also hides the values of sensitive fields whatever they are:
// "client_secret": "…", client_secret=…, Authorization: Bearer …. For the --debug trace
// and anything else that quotes raw requests and bodies.
func (s *Set) Trace(t string) string {
	return maskFields(s.Line(t))
}

// Error is Line of err's text ("" for nil).
func (s *Set) Error(err error) string {
	if err == nil {
		return ""
	}
	return s.Line(err.Error())
}

// Panic describes a recovered panic for a report or the terminal: the value and the
// stack, every line made safe.
func (s *Set) Panic(p any) string {
	return s.Text(fmt.Sprintf("panic: %v\n\n%s", p, debug.Stack()))
}

// Writer returns a writer that passes each Write through Text. A secret split across two
// writes is not seen whole; write whole lines.
func (s *Set) Writer(w io.Writer) io.Writer { return &writer{s: s, w: w} }

type writer struct {
	s *Set
	w io.Writer
}

func (w *writer) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.s.Text(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Strip removes escape sequences (CSI, OSC, DCS… whole), C0 and C1 control characters
// except new line and tab, and invisible characters: format characters (zero-width space
// and joiners, bidi embeddings, overrides and isolates, the byte-order mark, soft hyphen),
// line and paragraph separators, variation selectors and other default-ignorable code
// points. Invalid UTF-8 becomes U+FFFD. Carriage returns go, CRLF becomes LF.
func Strip(t string) string {
	if !strings.ContainsFunc(t, stripped) && utf8.ValidString(t) && !strings.ContainsRune(t, 0x1b) {
		return t
	}
	t = strings.ToValidUTF8(t, "\uFFFD")
	t = ansi.Strip(t)
	return strings.Map(func(r rune) rune {
		if stripped(r) {
			return -1
		}
		return r
	}, t)
}

// StripLine is Strip with new lines and tabs turned into spaces.
func StripLine(t string) string {
	t = Strip(t)
	if !strings.ContainsAny(t, "\n\t") {
		return t
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, t)
}

// stripped reports whether Strip drops r.
func stripped(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r < 0x80:
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Variation_Selector,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Co, unicode.Cs) ||
		r == '\u115f' || r == '\u1160' || r == '\u3164' || r == '\uffa0' || r == '\ufffc'
}

// ignorable reports whether a character is skipped when looking for secrets in text
// already stripped: white space (a secret holds none, so an echo split into groups
// still matches), combining marks (an accent put on every few characters leaves the
// secret readable), and backslashes, so that escaped forms (\/, \\u002b) still match.
func ignorable(r rune) bool {
	return r == '\n' || r == '\t' || r == '\\' || r == ' ' || stripped(r) ||
		(r >= 0x80 && (unicode.IsSpace(r) || unicode.In(r, unicode.Mn, unicode.Me)))
}

// fold is how a character of a secret or of the text is compared: case and width do not
// matter (a hex secret upper-cased, or written in full-width forms, is the same secret).
func fold(r rune) rune {
	if r >= 0xff01 && r <= 0xff5e { // full-width ASCII
		r -= 0xfee0
	}
	return unicode.ToLower(r)
}

// tok is one character of the text as a secret would be compared with it, and the
// bytes of the text it came from (more than one for an escape such as \u002b).
type tok struct {
	r          rune
	start, end int
}

// tokens reads t as a secret would appear in it: escapes decoded, ignorable characters
// skipped, case and width folded. Escapes decoded: \uXXXX (with surrogate pairs), %XX of printable ASCII,
// &#NN; and &#xHH;.
func tokens(t string) []tok { return readTokens(t, true) }

// literalTokens reads t without decoding escapes: an echo can put "\u" (or "%", "&#")
// in front of a secret so that its first characters read as an escape of something
// invisible, while a person still reads the secret.
func literalTokens(t string) []tok { return readTokens(t, false) }

func readTokens(t string, decode bool) []tok {
	out := make([]tok, 0, len(t))
	for i := 0; i < len(t); {
		if decode {
			if r, n := escapeAt(t, i); n > 0 {
				if !ignorable(r) {
					out = append(out, tok{fold(r), i, i + n})
				}
				i += n
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !ignorable(r) {
			out = append(out, tok{fold(r), i, i + n})
		}
		i += n
	}
	return out
}

// normalise is a secret as tokens reads it.
func normalise(v string) []rune { return runesOf(tokens(Strip(v))) }

func runesOf(toks []tok) []rune {
	out := make([]rune, len(toks))
	for i, tk := range toks {
		out[i] = tk.r
	}
	return out
}

func escapeAt(t string, i int) (rune, int) {
	switch t[i] {
	case '\\':
		if i+6 <= len(t) && t[i+1] == 'u' {
			if r, ok := hexRune(t[i+2 : i+6]); ok {
				if utf16Surrogate(r) && i+12 <= len(t) && t[i+6] == '\\' && t[i+7] == 'u' {
					if r2, ok := hexRune(t[i+8 : i+12]); ok {
						if c := decodePair(r, r2); c != utf8.RuneError {
							return c, 12
						}
					}
				}
				return r, 6
			}
		}
	case '%':
		if i+3 <= len(t) {
			if r, ok := hexRune(t[i+1 : i+3]); ok && r >= 0x20 && r < 0x7f {
				return r, 3
			}
		}
	case '&':
		if i+3 < len(t) && t[i+1] == '#' {
			j := i + 2
			hex := false
			if t[j] == 'x' || t[j] == 'X' {
				hex = true
				j++
			}
			k := j
			for k < len(t) && k-j < 7 && isDigit(t[k], hex) {
				k++
			}
			if k > j && k < len(t) && t[k] == ';' {
				var r rune
				for _, c := range t[j:k] {
					d, _ := hexVal(byte(c))
					if hex {
						r = r*16 + d
					} else {
						r = r*10 + d
					}
				}
				if r > 0 && r <= unicode.MaxRune {
					return r, k + 1 - i
				}
			}
		}
	}
	return 0, 0
}

func isDigit(c byte, hex bool) bool {
	if c >= '0' && c <= '9' {
		return true
	}
	return hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')
}

func hexVal(c byte) (rune, bool) {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0'), true
	case c >= 'a' && c <= 'f':
		return rune(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return rune(c-'A') + 10, true
	}
	return 0, false
}

func hexRune(h string) (rune, bool) {
	var r rune
	for i := 0; i < len(h); i++ {
		d, ok := hexVal(h[i])
		if !ok {
			return 0, false
		}
		r = r*16 + d
	}
	return r, true
}

func utf16Surrogate(r rune) bool { return r >= 0xd800 && r < 0xdc00 }

func decodePair(hi, lo rune) rune {
	if lo < 0xdc00 || lo >= 0xe000 {
		return utf8.RuneError
	}
	return (hi-0xd800)<<10 | (lo - 0xdc00) + 0x10000
}

const hashBase = 1099511628211

func hashRunes(rs []rune) uint64 {
	var h uint64
	for _, r := range rs {
		h = h*hashBase + uint64(r)
	}
	return h
}

// mask replaces, in text already stripped, every secret and run of one by Redacted.
func (s *Set) mask(t string) string {
	if s == nil || t == "" {
		return t
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(s.grams) == 0 && len(s.short) == 0 {
		return t
	}
	// Bytes of t to mask: secrets read with escapes decoded, and read literally.
	cut := make([]bool, len(t))
	hit := s.cover(tokens(t), cut)
	if strings.ContainsAny(t, "\\%&") {
		hit = s.cover(literalTokens(t), cut) || hit
	}
	if !hit {
		return t
	}
	var b strings.Builder
	for i := 0; i < len(t); {
		if !cut[i] {
			j := i
			for j < len(t) && !cut[j] {
				j++
			}
			b.WriteString(t[i:j])
			i = j
			continue
		}
		j := i
		for j < len(t) && cut[j] {
			j++
		}
		b.WriteString(Redacted)
		i = j
	}
	return b.String()
}

// cover marks in cut the bytes of every secret and run of one that toks read, from the
// first byte of its first character to the last of its last; it reports whether any.
func (s *Set) cover(toks []tok, cut []bool) bool {
	if len(toks) < MinLen {
		return false
	}
	rs := runesOf(toks)
	mark := func(i, n int) {
		for b := toks[i].start; b < toks[i+n-1].end; b++ {
			cut[b] = true
		}
	}
	hit := false
	if len(s.grams) > 0 && len(rs) >= Run {
		// Rolling hash over every window of Run characters.
		var pow uint64 = 1
		for i := 0; i < Run-1; i++ {
			pow *= hashBase
		}
		h := hashRunes(rs[:Run])
		for i := 0; ; i++ {
			if piece, ok := s.grams[h]; ok && string(rs[i:i+Run]) == piece {
				mark(i, Run)
				hit = true
			}
			if i+Run >= len(rs) {
				break
			}
			h = (h-uint64(rs[i])*pow)*hashBase + uint64(rs[i+Run])
		}
	}
	for _, sec := range s.short {
		for i := 0; i+len(sec) <= len(rs); i++ {
			if rs[i] == sec[0] && string(rs[i:i+len(sec)]) == string(sec) {
				mark(i, len(sec))
				hit = true
			}
		}
	}
	return hit
}

// Shows reports whether text shows secret to a reader: whole, or a run of Run of its
// characters, once escape sequences and invisible characters are stripped and JSON, URL
// and HTML escapes read. Tests use it to prove output safe.
func Shows(text, secret string) bool {
	secret = strings.TrimSpace(secret)
	if secret != "" && strings.Contains(text, secret) {
		return true
	}
	sec := normalise(secret)
	if len(sec) == 0 {
		return false
	}
	stripped := Strip(text)
	for _, sk := range []string{string(runesOf(tokens(stripped))), string(runesOf(literalTokens(stripped)))} {
		if len(sec) < Run {
			if strings.Contains(sk, string(sec)) {
				return true
			}
			continue
		}
		for i := 0; i+Run <= len(sec); i++ {
			if strings.Contains(sk, string(sec[i:i+Run])) {
				return true
			}
		}
	}
	return false
}

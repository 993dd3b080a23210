package redact

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

const token = "djdHzqT1b+4rN/aQ0pLw9XyZuVbK7mE2sR5tG8hJ3nC6fD1=" // a channel access token's shape

func TestTextMasksWholeAndRuns(t *testing.T) {
	s := New(token, "0123456789abcdef0123456789abcdef")
	cases := map[string]string{
		"plain":         "error: token " + token + " is invalid",
		"cut":           "got ..." + token[5:30] + "...",
		"zero-width":    "x " + token[:10] + "\u200b" + token[10:] + " y",
		"bidi":          "x " + token[:7] + "\u202e" + token[7:20] + "\u2066" + token[20:] + " y",
		"ansi":          "x " + token[:9] + "\x1b[31m" + token[9:] + "\x1b[0m",
		"osc":           token[:13] + "\x1b]8;;http://x\x07" + token[13:],
		"c1":            token[:13] + "\u0085\u009b" + token[13:],
		"json escaped":  strings.ReplaceAll(strings.ReplaceAll(token, "+", `\u002b`), "/", `\/`),
		"double json":   strings.ReplaceAll(token, "+", `\\u002b`),
		"url escaped":   strings.ReplaceAll(strings.ReplaceAll(token, "+", "%2B"), "/", "%2f"),
		"html":          strings.ReplaceAll(token, "+", "&#43;"),
		"new line":      token[:20] + "\r\n" + token[20:],
		"hex":           `{"message":"bad secret 0123456789abcdef0123456789abcdef"}`,
		"uppercase tag": token[:14] + "\U000E0041" + token[14:],
		// Echoes that change the form but leave the secret readable.
		"upper-cased":   "bad: " + strings.ToUpper(token) + " / " + strings.ToUpper("0123456789abcdef0123456789abcdef"),
		"full-width":    "bad: " + fullWidth(token) + " " + fullWidth("0123456789abcdef0123456789abcdef"),
		"combining":     "bad: " + everyN(token, 5, "\u0301") + " " + everyN("0123456789abcdef0123456789abcdef", 3, "\u0308"),
		"spaced groups": "bad: " + everyN(token, 4, " ") + " " + everyN("0123456789abcdef0123456789abcdef", 4, "\u3000"),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			for _, out := range []string{s.Text(in), s.Line(in), s.Trace(in)} {
				if leaks(out, token) || leaks(out, "0123456789abcdef0123456789abcdef") {
					t.Errorf("secret left in %q (from %q)", out, in)
				}
				if !strings.Contains(out, Redacted) {
					t.Errorf("nothing masked in %q", out)
				}
			}
		})
	}
}

func TestTextKeepsOrdinaryText(t *testing.T) {
	s := New(token, "abc")
	in := "LINE said: 401 Unauthorized \\u002b C:\\new 100%25 &#43; abc\nnext line\twith tab"
	if got := s.Text(in); got != in {
		t.Errorf("Text changed harmless text:\n got %q\nwant %q", got, in)
	}
	if got := s.Line(in); strings.Contains(got, "\n") || strings.Contains(got, "\t") {
		t.Errorf("Line kept a line break: %q", got)
	}
	if got := s.Text("a \x1b[1mbold\x1b[0m \u200bword\a"); got != "a bold word" {
		t.Errorf("Text did not strip: %q", got)
	}
}

func TestShortSecretsWhole(t *testing.T) {
	s := New("s3cr3t", "ab")
	if got := s.Text("x s3\u200bcr3t y ab"); got != "x "+Redacted+" y ab" {
		t.Errorf("got %q", got)
	}
}

func TestNilAndEmptySet(t *testing.T) {
	var s *Set
	if got := s.Text("a\x1b[31mb"); got != "ab" {
		t.Errorf("nil set: %q", got)
	}
	s.Add("whatever")
	if New().Text(token) != token {
		t.Error("empty set masked something")
	}
	if s.Error(nil) != "" || New(token).Error(errors.New("x "+token)) != "x "+Redacted {
		t.Error("Error")
	}
}

func TestTraceFields(t *testing.T) {
	s := New("mysecretvalue")
	for in, want := range map[string]string{
		`{"access_token": "abc", "expires_in": 900}`:     `{"access_token": "[redacted]", "expires_in": 900}`,
		`{"token_type":"Bearer","code":"x\"y"}`:          `{"token_type":"Bearer","code":"[redacted]"}`,
		`{"client_secret":"cut sho`:                      `{"client_secret":"[redacted]`,
		`grant_type=x&client_secret=abc&client_id=1`:     `grant_type=x&client_secret=[redacted]&client_id=1`,
		`https://h/p?code=abc&state=s`:                   `https://h/p?code=[redacted]&state=s`,
		`Authorization: Bearer abc.def`:                  `Authorization: Bearer [redacted]`,
		`mysecretvalue in text and mysecretvalue again`:  `[redacted] in text and [redacted] again`,
		`keep token_type=bearer and expires_in=900 here`: `keep token_type=bearer and expires_in=900 here`,
		`Authorization: Bearer abc.def.ghi`:              `Authorization: Bearer [redacted]`,
	} {
		if got := s.Trace(in); got != want {
			t.Errorf("Trace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMask(t *testing.T) {
	if got := Mask(token); got != "djdH… (48 characters)" {
		t.Errorf("Mask = %q", got)
	}
	if got := MaskJA(token); got != "djdH…（48文字）" {
		t.Errorf("MaskJA = %q", got)
	}
	if got := Mask("short"); got != "… (5 characters)" {
		t.Errorf("Mask short = %q", got)
	}
}

func TestPanicAndWriter(t *testing.T) {
	s := New(token)
	if p := s.Panic("boom " + token); leaks(p, token) || !strings.Contains(p, "boom") {
		t.Errorf("Panic = %q", p)
	}
	var b strings.Builder
	_, _ = s.Writer(&b).Write([]byte("x " + token + "\n"))
	if b.String() != "x "+Redacted+"\n" {
		t.Errorf("Writer wrote %q", b.String())
	}
}

func leaks(out, secret string) bool { return Shows(out, secret) }

// fullWidth writes the printable ASCII of s in full-width forms (ｄｊｄＨ…).
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r + 0xfee0
		}
		return r
	}, s)
}

// everyN puts sep after every n characters of s.
func everyN(s string, n int, sep string) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		b.WriteRune(r)
		if i%n == n-1 {
			b.WriteString(sep)
		}
	}
	return b.String()
}

// The folding that finds changed echoes leaves ordinary text that shares a secret's
// letters alone, in both languages.
func TestFoldingKeepsOrdinaryText(t *testing.T) {
	s := New(token, "0123456789abcdef0123456789abcdef", "Xy7Zq9Wv3T")
	for _, in := range []string{
		"The channel secret belongs to channel 2000000001, the channel of the token.",
		"チャネルシークレット（Messaging API）が一致しません。　もう一度コピーしてください。",
		"0123 4567 89 is a phone number; ABCDEF is a word",
		"café Ｒｅｓｕｌｔ",
	} {
		if got := s.Text(in); got != in {
			t.Errorf("Text changed %q into %q", in, got)
		}
	}
	if got := s.Text("naver said XY7ZQ9WV3T"); got != "naver said "+Redacted {
		t.Errorf("a short secret upper-cased was not masked: %q", got)
	}
}

// FuzzText: a secret with control, escape, format and bidi characters spliced in at
// random is never found in the output, whole or as a run of Run characters.
func FuzzText(f *testing.F) {
	f.Add(token, "before ", " after", uint64(1), []byte{0})
	f.Add("0123456789abcdef0123456789abcdef", `{"e":"`, `"}`, uint64(99), []byte{3, 7, 200})
	f.Add("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5", "\x1b]0;", "\x07", uint64(7), []byte{1, 2, 3, 4, 5, 6})
	inserts := []string{"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u202a",
		"\u2066", "\u2069", "\u200e", "\u200f", "\x00", "\x07", "\x08", "\r", "\n", "\t", "\x7f",
		"\u0085", "\u009b", "\x1b[0m", "\x1b[38;5;1m", "\x1b]8;;\x07", "\x1bP\x1b\\", "\u2028", "\ufe0f",
		"\U000E0020", "\u180e", "\u034f", "\\"}
	f.Fuzz(func(t *testing.T, secret, before, after string, seed uint64, where []byte) {
		if !utf8.ValidString(secret) || len(secret) > 300 || len(where) > 64 || len(before)+len(after) > 1000 {
			return
		}
		secret = strings.TrimSpace(secret) // as Add keeps it
		sec := normalise(secret)
		if len(sec) < MinLen {
			return
		}
		// Splice characters in between the secret's own characters.
		rs := []rune(secret)
		var b strings.Builder
		b.WriteString(before)
		x := seed
		for i, r := range rs {
			b.WriteRune(r)
			for _, w := range where {
				if int(w)%len(rs) == i {
					x = x*6364136223846793005 + 1442695040888963407
					b.WriteString(inserts[(x>>33)%uint64(len(inserts))])
				}
			}
		}
		b.WriteString(after)
		in := b.String()
		s := New(secret)
		for _, out := range []string{s.Text(in), s.Line(in), s.Trace(in)} {
			if leaks(out, secret) {
				t.Fatalf("secret %q found in %q (input %q)", secret, out, in)
			}
		}
	})
}

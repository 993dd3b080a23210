package steps

import (
	"regexp"
	"strings"
	"testing"
)

// want is the outcome a case expects: ok, a warning or an error.
type want int

const (
	ok want = iota
	warn
	fail
)

func (w want) String() string { return [...]string{"ok", "warning", "error"}[w] }

func outcome(p *Problem) want {
	switch {
	case p == nil:
		return ok
	case p.Severity == Warning:
		return warn
	}
	return fail
}

// checkProblem fails t when p lacks wording in either language.
func checkProblem(t testing.TB, p *Problem) {
	t.Helper()
	if p == nil {
		return
	}
	if p.Rule.EN == "" || p.Rule.JA == "" || p.Fix.EN == "" || p.Fix.JA == "" {
		t.Fatalf("problem without wording in both languages: %+v", *p)
	}
}

type vcase struct {
	name string
	v    string
	a    Answers
	want want
	// in, when set, must appear in the English rule (the count that was given, the cause).
	in string
}

func runCases(t *testing.T, val Validator, cases []vcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := val(c.v, c.a)
			if got := outcome(p); got != c.want {
				t.Fatalf("%q: got %v (%+v), want %v", c.v, got, p, c.want)
			}
			checkProblem(t, p)
			if c.in != "" && !strings.Contains(p.Rule.EN+" "+p.Fix.EN, c.in) {
				t.Fatalf("%q: message %q lacks %q", c.v, p.Rule.EN+" "+p.Fix.EN, c.in)
			}
		})
	}
}

func TestDigits(t *testing.T) {
	runCases(t, Digits(10, Text{}), []vcase{
		{"ten digits", "1234567890", nil, ok, ""},
		{"nine digits warns", "123456789", nil, warn, "has 9"},
		{"eleven digits warns", "12345678901", nil, warn, "has 11"},
		{"letter", "12345a7890", nil, fail, "character 6"},
		{"full-width digits", "１２３４５６７８９０", nil, fail, "half-width"},
		{"inner space", "12345 67890", nil, fail, "space"},
		{"minus", "-1234567890", nil, fail, `"-"`},
	})
	runCases(t, Digits(0, Text{}), []vcase{
		{"any length", "12", nil, ok, ""},
	})
}

func TestCharsetPatternLengths(t *testing.T) {
	runCases(t, Charset(T("letters", "英字"), IsAlnum, Text{}), []vcase{
		{"good", "abcXYZ09", nil, ok, ""},
		{"symbol", "abc_def", nil, fail, "character 4"},
		{"non-ascii", "abcé", nil, fail, "not a half-width"},
		{"full-width", "ａbc", nil, fail, "half-width"},
	})
	re := regexp.MustCompile(`[a-z]+`)
	runCases(t, Pattern(re, T("lowercase only.", "小文字だけ。"), Text{}), []vcase{
		{"match", "abc", nil, ok, ""},
		{"partial match is not enough", "abc1", nil, fail, "lowercase"},
	})
	runCases(t, MaxLen(5, Text{}), []vcase{
		{"at limit", "abcde", nil, ok, ""},
		{"counts characters not bytes", "あいうえお", nil, ok, ""},
		{"over", "abcdef", nil, fail, "got 6"},
	})
	runCases(t, MinLen(3, Text{}), []vcase{
		{"ok", "abc", nil, ok, ""},
		{"short", "ab", nil, fail, "got 2"},
	})
	runCases(t, ExactLen(4, Warning, Text{}), []vcase{
		{"exact", "abcd", nil, ok, ""},
		{"other", "abc", nil, warn, "got 3"},
	})
	runCases(t, NoSpace(Text{}), []vcase{
		{"none", "abc", nil, ok, ""},
		{"space", "ab c", nil, fail, "character 3"},
		{"line break", "ab\nc", nil, fail, "line breaks"},
		{"ideographic space", "ab\u3000c", nil, fail, "spaces"},
	})
	runCases(t, PlainText(Text{}), []vcase{
		{"plain", "Salon 花", nil, ok, ""},
		{"escape", "Salon\x1b[31m", nil, fail, "control"},
		{"bidi", "Salon\u202e", nil, fail, "control"},
	})
}

func TestDiffersFromAllAsWarning(t *testing.T) {
	a := Answers{"x.other": "same"}
	runCases(t, DiffersFrom("x.other", T("other value", "別の値"), Text{}), []vcase{
		{"differs", "else", a, ok, ""},
		{"same", "same", a, fail, "other value"},
		{"same after trim", " same ", a, fail, ""},
		{"other empty", "same", Answers{}, ok, ""},
	})
	w := func(string, Answers) *Problem { return Warnf(T("w", "w"), T("f", "f")) }
	e := func(string, Answers) *Problem { return Errorf(T("e", "e"), T("f", "f")) }
	if p := All(w, e)("", nil); outcome(p) != fail {
		t.Fatalf("All should prefer the error, got %+v", p)
	}
	if p := All(w, nil2)("", nil); outcome(p) != warn {
		t.Fatalf("All should keep the warning, got %+v", p)
	}
	if p := AsWarning(e)("", nil); outcome(p) != warn {
		t.Fatalf("AsWarning: got %+v", p)
	}
}

func nil2(string, Answers) *Problem { return nil }

func TestURL(t *testing.T) {
	runCases(t, URL(Text{}), []vcase{
		{"https", "https://cms.example.com/line", nil, ok, ""},
		{"http", "http://cms.example.com/", nil, ok, ""},
		{"upper scheme", "HTTPS://cms.example.com/", nil, ok, ""},
		{"ip", "https://203.0.113.5/x", nil, ok, ""},
		{"ipv6", "https://[2001:db8::1]/x", nil, ok, ""},
		{"no scheme", "cms.example.com/line", nil, fail, "scheme is missing"},
		{"ftp", "ftp://cms.example.com/", nil, fail, "https://"},
		{"no host", "https:///path", nil, fail, "no host"},
		{"space", "https://cms.example.com/a b", nil, fail, "space"},
		{"full-width", "https://cms．example.com/", nil, fail, "half-width"},
		{"user info", "https://user:pw@cms.example.com/", nil, fail, "user name"},
		{"bad host", "https://cms_example!.com/", nil, fail, "host name"},
		{"bad port", "https://cms.example.com:99999999999/", nil, fail, "port"},
	})
}

func TestHTTPSURL(t *testing.T) {
	runCases(t, HTTPSURL(Text{}), []vcase{
		{"https", "https://cms.example.com/line", nil, ok, ""},
		{"http", "http://cms.example.com/line", nil, fail, "got http://"},
		{"not a url", "example", nil, fail, "https://"},
	})
}

func TestPublicHost(t *testing.T) {
	v := PublicHost(Text{})
	good := []string{
		"https://cms.example.com/", "https://203.0.113.9/", "https://172.32.0.1/", "https://[2001:db8::1]/",
		"https://localhost.example.com/", "https://192.169.1.1/", "not a url",
		"https://100.128.0.1/", "https://[64:ff9b::808:808]/", "https://8.8.8.8/", "https://0x8.0x8.8.8/",
		"https://[2606:4700::1111]/", "https://123.example.com/", "https://0x.example.com/",
	}
	bad := []string{
		"https://localhost/", "https://LOCALHOST:8443/", "https://localhost./", "https://app.localhost/",
		"https://printer.local/", "https://127.0.0.1/", "https://127.1.2.3/", "https://[::1]/",
		"https://10.1.2.3/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.10/",
		"https://169.254.169.254/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1%25eth0]/",
		"https://0.0.0.0/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:192.168.0.1]/",
		// Other spellings of the same addresses, each passed as public before.
		"https://127.1/", "https://0x7f000001/", "https://2130706433/", "https://0177.0.0.1/",
		"https://0x7f.0.0.1/", "https://127.0.1/", "https://0/", "https://10.1/", "https://0xa9fea9fe/",
		"https://100.64.0.1/", "https://100.127.255.254/", "https://[64:ff9b::7f00:1]/",
		"https://[64:ff9b::a00:1]/", "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/",
		"https://[2002:7f00:1::]/", "https://[fe80::1]/", "https://[ff02::1]/", "https://224.0.0.1/",
		"https://255.255.255.255/", "https://198.18.0.1/", "https://[64:ff9b:1::1]/",
		"https://1.2.3.256/", "https://1.2.3.4.5/", "https://0x100000000/",
	}
	for _, s := range good {
		if p := v(s, nil); p != nil {
			t.Errorf("%s: want ok, got %+v", s, p)
		}
	}
	for _, s := range bad {
		p := v(s, nil)
		if outcome(p) != fail {
			t.Errorf("%s: want an error, got %+v", s, p)
			continue
		}
		checkProblem(t, p)
	}
}

func TestDomain(t *testing.T) {
	runCases(t, Domain(Text{}), []vcase{
		{"domain", "sample.com", nil, ok, ""},
		{"sub", "shop.sample.co.jp", nil, ok, ""},
		{"with scheme", "https://sample.com", nil, fail, "without https://"},
		{"with path", "sample.com/shop", nil, fail, "path"},
		{"single label", "sample", nil, fail, "not a valid"},
		{"underscore", "sam_ple.com", nil, fail, "not a valid"},
		{"full-width", "ｓample.com", nil, fail, "half-width"},
	})
}

// allValidators are the shared validators with their generic wording.
func allValidators() map[string]Validator {
	return map[string]Validator{
		"Digits":      Digits(10, Text{}),
		"Charset":     Charset(T("letters", "英字"), IsAlnum, Text{}),
		"Pattern":     Pattern(regexp.MustCompile(`a+`), T("a only", "aだけ"), Text{}),
		"MaxLen":      MaxLen(8, Text{}),
		"MinLen":      MinLen(8, Text{}),
		"ExactLen":    ExactLen(8, Error, Text{}),
		"NoSpace":     NoSpace(Text{}),
		"PlainText":   PlainText(Text{}),
		"DiffersFrom": DiffersFrom("k", T("k", "k"), Text{}),
		"URL":         URL(Text{}),
		"HTTPSURL":    HTTPSURL(Text{}),
		"PublicHost":  PublicHost(Text{}),
		"Domain":      Domain(Text{}),
	}
}

// FuzzValidators: no input makes a shared validator panic, and every problem it returns
// is worded in both languages.
func FuzzValidators(f *testing.F) {
	for _, s := range []string{"", "1234567890", "https://cms.example.com/x", "http://[::1]:80/", "https://%zz", "ｈｔｔｐｓ://", "\x1b[31m", "https://[fe80::1%25eth0]/", "sample.com", "a\u3000b"} {
		f.Add(s)
	}
	vals := allValidators()
	f.Fuzz(func(t *testing.T, s string) {
		for name, v := range vals {
			p := v(s, Answers{"k": s})
			if p != nil && (p.Rule.EN == "" || p.Rule.JA == "" || p.Fix.EN == "" || p.Fix.JA == "") {
				t.Fatalf("%s(%q): problem lacks wording: %+v", name, s, *p)
			}
		}
		IsLocalHost(s)
		ParseURL(s)
	})
}

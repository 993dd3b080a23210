package steps

import (
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Shared validators. Each constructor returns a Validator whose Problem names the rule that
// was broken and, in fix, what to do; a zero fix falls back to a generic sentence. Messages
// never quote the value itself, only counts and positions, because the same validators run
// on secrets. Provider packages build their field rules from these.

// orFix returns fix, or def when fix is empty.
func orFix(fix, def Text) Text {
	if fix.IsZero() {
		return def
	}
	return fix
}

// Errorf is a Problem with severity Error.
func Errorf(rule, fix Text) *Problem { return &Problem{Severity: Error, Rule: rule, Fix: fix} }

// Warnf is a Problem with severity Warning.
func Warnf(rule, fix Text) *Problem { return &Problem{Severity: Warning, Rule: rule, Fix: fix} }

// All runs vs in order and returns the first problem that is an error; when none is, the
// first warning. It lets a field rule be built from several checks that must not pile up.
func All(vs ...Validator) Validator {
	return func(v string, a Answers) *Problem {
		var warn *Problem
		for _, val := range vs {
			if p := val(v, a); p != nil {
				if p.Severity == Error {
					return p
				}
				if warn == nil {
					warn = p
				}
			}
		}
		return warn
	}
}

// AsWarning turns every problem of v into a warning.
func AsWarning(v Validator) Validator {
	return func(s string, a Answers) *Problem {
		p := v(s, a)
		if p != nil {
			q := *p
			q.Severity = Warning
			return &q
		}
		return nil
	}
}

// isFullWidth reports a full-width ASCII variant or an ideographic space, which Japanese
// input methods produce when half-width was meant.
func isFullWidth(r rune) bool { return (r >= 0xFF01 && r <= 0xFF5E) || r == 0x3000 }

var fullWidthFix = T("Switch the keyboard to half-width (hankaku) characters and enter it again.",
	"入力を半角に切り替えて、もう一度入力してください。")

// firstBad returns the 1-based position of the first rune that ok rejects, and that rune.
func firstBad(v string, ok func(rune) bool) (int, rune) {
	i := 0
	for _, r := range v {
		i++
		if !ok(r) {
			return i, r
		}
	}
	return 0, 0
}

// describe names an unwanted character without quoting a secret: spaces, full-width
// characters and symbols are told apart.
func describe(pos int, r rune) Text {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0x3000:
		return T(fmt.Sprintf("character %d is a space or line break", pos), fmt.Sprintf("%d文字目が空白か改行です", pos))
	case isFullWidth(r):
		return T(fmt.Sprintf("character %d is a full-width character", pos), fmt.Sprintf("%d文字目が全角文字です", pos))
	case unicode.IsControl(r):
		return T(fmt.Sprintf("character %d is a control character", pos), fmt.Sprintf("%d文字目が制御文字です", pos))
	case r > unicode.MaxASCII:
		return T(fmt.Sprintf("character %d is not a half-width letter or digit", pos), fmt.Sprintf("%d文字目が半角英数字ではありません", pos))
	}
	return T(fmt.Sprintf("character %d is the symbol %q", pos, string(r)), fmt.Sprintf("%d文字目が記号「%s」です", pos, string(r)))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// IsAlnum reports an ASCII letter or digit.
func IsAlnum(r rune) bool { return isDigit(r) || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// Len counts characters (not bytes), as a console does.
func Len(v string) int { return utf8.RuneCountInString(v) }

// Digits accepts half-width digits only. When want > 0, a length other than want is a
// warning, not an error: the length is what every known value has, not a documented rule.
func Digits(want int, fix Text) Validator {
	fix = orFix(fix, T("Copy the number again; it has digits only.", "数字だけの番号をもう一度コピーしてください。"))
	return func(v string, _ Answers) *Problem {
		if pos, r := firstBad(v, isDigit); pos > 0 {
			f := fix
			if isFullWidth(r) {
				f = fullWidthFix
			}
			d := describe(pos, r)
			return Errorf(T("must be digits only ("+d.EN+").", "半角数字だけで入力してください（"+d.JA+"）。"), f)
		}
		if n := Len(v); want > 0 && n != want {
			return Warnf(
				T(fmt.Sprintf("usually has %d digits, this one has %d.", want, n), fmt.Sprintf("通常は%d桁ですが、%d桁です。", want, n)),
				T("Check that it was copied whole.", "欠けずにコピーできているか確かめてください。"))
		}
		return nil
	}
}

// Charset accepts only characters ok allows; set names the allowed set in both languages
// ("letters and digits").
func Charset(set Text, ok func(rune) bool, fix Text) Validator {
	fix = orFix(fix, T("Copy the value again without extra characters.", "余分な文字が入らないようにもう一度コピーしてください。"))
	return func(v string, _ Answers) *Problem {
		pos, r := firstBad(v, ok)
		if pos == 0 {
			return nil
		}
		f := fix
		if isFullWidth(r) {
			f = fullWidthFix
		}
		d := describe(pos, r)
		return Errorf(T("may contain only "+set.EN+" ("+d.EN+").", set.JA+"だけで入力してください（"+d.JA+"）。"), f)
	}
}

// Pattern accepts values that re matches as a whole; rule says what the pattern means.
func Pattern(re *regexp.Regexp, rule, fix Text) Validator {
	fix = orFix(fix, T("Check the value and enter it again.", "値を確かめて、もう一度入力してください。"))
	return func(v string, _ Answers) *Problem {
		if loc := re.FindStringIndex(v); loc != nil && loc[0] == 0 && loc[1] == len(v) {
			return nil
		}
		return Errorf(rule, fix)
	}
}

// MaxLen accepts at most n characters.
func MaxLen(n int, fix Text) Validator {
	fix = orFix(fix, T("Shorten it.", "短くしてください。"))
	return func(v string, _ Answers) *Problem {
		if got := Len(v); got > n {
			return Errorf(T(fmt.Sprintf("may be at most %d characters long (got %d).", n, got), fmt.Sprintf("%d文字以内にしてください（%d文字あります）。", n, got)), fix)
		}
		return nil
	}
}

// MinLen accepts at least n characters.
func MinLen(n int, fix Text) Validator {
	fix = orFix(fix, T("Check that it was copied whole.", "欠けずにコピーできているか確かめてください。"))
	return func(v string, _ Answers) *Problem {
		if got := Len(v); got < n {
			return Errorf(T(fmt.Sprintf("must be at least %d characters long (got %d).", n, got), fmt.Sprintf("%d文字以上必要です（%d文字しかありません）。", n, got)), fix)
		}
		return nil
	}
}

// ExactLen wants exactly n characters; sev says whether another length stops the flow.
func ExactLen(n int, sev Severity, fix Text) Validator {
	fix = orFix(fix, T("Check that it was copied whole, with nothing extra.", "過不足なくコピーできているか確かめてください。"))
	return func(v string, _ Answers) *Problem {
		if got := Len(v); got != n {
			return &Problem{Severity: sev,
				Rule: T(fmt.Sprintf("must be %d characters long (got %d).", n, got), fmt.Sprintf("%d文字のはずです（%d文字あります）。", n, got)),
				Fix:  fix}
		}
		return nil
	}
}

// NoSpace rejects spaces, tabs and line breaks inside the value (a value copied across two
// lines, or with a label in front).
func NoSpace(fix Text) Validator {
	fix = orFix(fix, T("Copy it again in one piece, without spaces.", "空白を含めず、ひと続きでもう一度コピーしてください。"))
	return func(v string, _ Answers) *Problem {
		pos, _ := firstBad(v, func(r rune) bool { return !unicode.IsSpace(r) && r != 0x3000 })
		if pos == 0 {
			return nil
		}
		return Errorf(T(fmt.Sprintf("must not contain spaces or line breaks (character %d is one).", pos), fmt.Sprintf("空白や改行を含めないでください（%d文字目）。", pos)), fix)
	}
}

// PlainText accepts one line of printable text: no control characters or escape sequences
// (a pasted terminal colour code, a tab from a spreadsheet).
func PlainText(fix Text) Validator {
	fix = orFix(fix, T("Type it again as plain text on one line.", "1行の普通の文字としてもう一度入力してください。"))
	return func(v string, _ Answers) *Problem {
		pos, _ := firstBad(v, func(r rune) bool {
			return !unicode.IsControl(r) && r != '\u2028' && r != '\u2029' && !unicode.Is(unicode.Bidi_Control, r)
		})
		if pos == 0 {
			return nil
		}
		return Errorf(T(fmt.Sprintf("must be plain text on one line (character %d is a control character).", pos), fmt.Sprintf("1行の普通の文字で入力してください（%d文字目が制御文字です）。", pos)), fix)
	}
}

// DiffersFrom rejects a value equal to the answer at key (compared after trimming, case
// kept): two fields that must not hold the same thing. other names that field.
func DiffersFrom(key string, other, fix Text) Validator {
	fix = orFix(fix, T("Copy each value from its own place.", "それぞれの値を正しい場所からコピーしてください。"))
	return func(v string, a Answers) *Problem {
		if o := a.Get(key); o != "" && o == strings.TrimSpace(v) {
			return Errorf(T("is the same as the "+other.EN+"; they must differ.", other.JA+"と同じです。別の値のはずです。"), fix)
		}
		return nil
	}
}

// ParseURL reads an absolute http or https URL with a host. The problem, when not nil,
// says which part is missing or wrong.
func ParseURL(v string) (*url.URL, *Problem) {
	fix := T("Copy the whole address from the browser's address bar, starting with https://.", "ブラウザのアドレス欄からhttps://で始まるアドレス全体をコピーしてください。")
	if pos, r := firstBad(v, func(r rune) bool { return !unicode.IsSpace(r) && !unicode.IsControl(r) && r != 0x3000 }); pos > 0 {
		d := describe(pos, r)
		return nil, Errorf(T("must be one web address without spaces ("+d.EN+").", "空白を含まない1つのアドレスにしてください（"+d.JA+"）。"), fix)
	}
	if pos, _ := firstBad(v, func(r rune) bool { return !isFullWidth(r) }); pos > 0 {
		return nil, Errorf(T(fmt.Sprintf("must use half-width characters (character %d is full-width).", pos), fmt.Sprintf("半角文字で入力してください（%d文字目が全角です）。", pos)), fullWidthFix)
	}
	lower := strings.ToLower(v)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if strings.Contains(v, "://") {
			return nil, Errorf(T("must be a web address starting with https:// .", "https://で始まるWebアドレスにしてください。"), fix)
		}
		return nil, Errorf(T("must start with https:// (the scheme is missing).", "https://から始めてください（先頭のhttps://がありません）。"), T("Add https:// in front, or copy the whole address again.", "先頭にhttps://を付けるか、アドレス全体をもう一度コピーしてください。"))
	}
	u, err := url.Parse(v)
	if err != nil {
		return nil, Errorf(T("is not a valid web address.", "正しいWebアドレスではありません。"), fix)
	}
	if u.Hostname() == "" {
		return nil, Errorf(T("has no host name after https:// .", "https://の後にホスト名がありません。"), fix)
	}
	if u.User != nil {
		return nil, Errorf(T("must not contain a user name or password (the part before @).", "ユーザー名やパスワード（@より前の部分）を含めないでください。"), fix)
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return nil, Errorf(T("has a port number outside 1 to 65535.", "ポート番号が1〜65535の範囲外です。"), fix)
		}
	}
	if !validHost(u.Hostname()) {
		return nil, Errorf(T("has a host name with characters a web address cannot have.", "ホスト名にアドレスで使えない文字があります。"), fix)
	}
	return u, nil
}

var hostRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$`)
})

func validHost(h string) bool {
	if _, err := netip.ParseAddr(h); err == nil {
		return true
	}
	return len(h) <= 253 && hostRe().MatchString(h)
}

// URL accepts an absolute http or https address with a host.
func URL(fix Text) Validator {
	return func(v string, _ Answers) *Problem {
		if _, p := ParseURL(v); p != nil {
			if !fix.IsZero() {
				p.Fix = fix
			}
			return p
		}
		return nil
	}
}

// HTTPSURL accepts an absolute https address with a host.
func HTTPSURL(fix Text) Validator {
	return func(v string, _ Answers) *Problem {
		u, p := ParseURL(v)
		if p != nil {
			if !fix.IsZero() {
				p.Fix = fix
			}
			return p
		}
		if u.Scheme != "https" {
			return Errorf(T("must start with https:// (got http://); LINE and browsers need an encrypted address.", "https://で始まる必要があります（http://になっています）。暗号化されたアドレスが必要です。"),
				orFix(fix, T("Use the https:// address; ask whoever runs the site if there is none.", "https://のアドレスを使ってください。ない場合はサイトの管理者に確認してください。")))
		}
		return nil
	}
}

// IsLocalHost reports a host name or address that the internet cannot reach: localhost,
// *.localhost, *.local (mDNS), and every address outside the public unicast space
// (loopback, private, shared/CGNAT, link-local, unspecified, documentation, multicast,
// reserved…), however it is spelt: short (127.1), hex (0x7f000001), decimal (2130706433),
// octal (0177.0.0.1), IPv4-mapped, NAT64 (64:ff9b::7f00:1) or 6to4. A number that is no
// address at all is reported too: nothing can reach it.
func IsLocalHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if i := strings.IndexByte(h, '%'); i >= 0 { // IPv6 zone
		h = h[:i]
	}
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || strings.HasSuffix(h, ".local") || h == "local" {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return !publicAddr(ip)
	}
	if ip, numeric, ok := numericHost(h); numeric {
		return !ok || !publicAddr(ip)
	}
	return false
}

// PublicHost rejects an address whose host cannot be reached from the internet (see
// IsLocalHost): LINE's servers could never call it. Values that are not URLs pass; pair it
// with URL or HTTPSURL.
func PublicHost(fix Text) Validator {
	fix = orFix(fix, T("Use the public address of the server, the one that works from any phone.", "どのスマートフォンからでも開ける、サーバーの公開アドレスを使ってください。"))
	return func(v string, _ Answers) *Problem {
		u, err := url.Parse(strings.TrimSpace(v))
		if err != nil || u.Hostname() == "" {
			return nil
		}
		if IsLocalHost(u.Hostname()) {
			return Errorf(T("points to this computer or a private network, which cannot be reached from the internet.", "このパソコンか社内などのプライベートネットワークを指しています。インターネットからは届きません。"), fix)
		}
		return nil
	}
}

// Domain accepts a bare domain name such as "sample.com" (no scheme, path or port).
func Domain(fix Text) Validator {
	fix = orFix(fix, T("Enter only the domain, for example sample.com.", "sample.comのようにドメインだけを入力してください。"))
	return func(v string, _ Answers) *Problem {
		if strings.Contains(v, "://") || strings.ContainsAny(v, "/:?#@ ") {
			return Errorf(T("must be a domain name only, without https://, a path or a port.", "https://やパス、ポートを付けず、ドメイン名だけにしてください。"), fix)
		}
		if pos, _ := firstBad(v, func(r rune) bool { return !isFullWidth(r) }); pos > 0 {
			return Errorf(T(fmt.Sprintf("must use half-width characters (character %d is full-width).", pos), fmt.Sprintf("半角文字で入力してください（%d文字目が全角です）。", pos)), fullWidthFix)
		}
		if !strings.Contains(strings.TrimSuffix(v, "."), ".") || !hostRe().MatchString(v) || len(v) > 253 {
			return Errorf(T("is not a valid domain name.", "正しいドメイン名ではありません。"), fix)
		}
		return nil
	}
}

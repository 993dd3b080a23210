package line

import (
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/steps"
)

type vWant int

const (
	vOK vWant = iota
	vWarn
	vFail
)

func (w vWant) String() string { return [...]string{"ok", "warning", "error"}[w] }

func vOutcome(p *steps.Problem) vWant {
	switch {
	case p == nil:
		return vOK
	case p.Severity == steps.Warning:
		return vWarn
	}
	return vFail
}

// vWorded fails t unless p says what is wrong and what to do in flBoth languages.
func vWorded(t testing.TB, name, v string, p *steps.Problem) {
	t.Helper()
	if p == nil {
		return
	}
	if p.Rule.EN == "" || p.Rule.JA == "" || p.Fix.EN == "" || p.Fix.JA == "" {
		t.Fatalf("%s(%q): problem lacks wording in a language: %+v", name, v, *p)
	}
}

type vCase struct {
	name string
	v    string
	a    steps.Answers
	want vWant
	in   string // must appear in the English rule or fix
}

func vRun(t *testing.T, name string, val steps.Validator, cases []vCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(name+"/"+c.name, func(t *testing.T) {
			p := val(c.v, c.a)
			if got := vOutcome(p); got != c.want {
				t.Fatalf("%q: got %v (%+v), want %v", c.v, got, p, c.want)
			}
			vWorded(t, name, c.v, p)
			if c.in != "" && !strings.Contains(p.Rule.EN+" "+p.Fix.EN, c.in) {
				t.Fatalf("%q: %q lacks %q", c.v, p.Rule.EN+" "+p.Fix.EN, c.in)
			}
		})
	}
}

const vToken172 = sample.ChannelAccessToken

func TestChannelID(t *testing.T) {
	vRun(t, "ChannelID", ChannelID, []vCase{
		{"ten digits", "1234567890", nil, vOK, ""},
		{"nine digits warns", "123456789", nil, vWarn, "has 9"},
		{"letters", "12345abcde", nil, vFail, "digits only"},
		{"full-width", "１２３４５６７８９０", nil, vFail, "half-width"},
	})
}

func TestLoginChannelID(t *testing.T) {
	learnt := steps.Answers{"line.messaging_api.channel_id": "1234567890"}
	vRun(t, "LoginChannelID", LoginChannelID, []vCase{
		{"differs", "1234567891", learnt, vOK, ""},
		{"no learnt id", "1234567890", nil, vOK, ""},
		{"same as messaging", "1234567890", learnt, vFail, "Messaging API channel's ID"},
		{"short warns", "12345678", learnt, vWarn, "has 8"},
		{"letters", "abc", learnt, vFail, "digits only"},
	})
}

func TestChannelSecret(t *testing.T) {
	vRun(t, "ChannelSecret", ChannelSecret, []vCase{
		{"hex", sample.ChannelSecret, nil, vOK, ""},
		{"upper and lower", "ABCDEFabcdef0123456789ABCDEFabcd", nil, vOK, ""},
		{"31 characters", sample.ChannelSecret[:31], nil, vFail, "got 31"},
		{"33 characters", sample.ChannelSecret + "a", nil, vFail, "got 33"},
		{"token pasted", vToken172, nil, vFail, "channel access token"},
		{"channel id pasted", "1234567890", nil, vFail, "channel ID"},
		{"symbol", strings.Repeat("a", 31) + "-", nil, vFail, "character 32"},
		{"space", "5b9e0c7d1a2f4e6b 8c0d2e4f6a8b0c1d", nil, vFail, "spaces"},
		{"full-width", "５b9e0c7d1a2f4e6b8c0d2e4f6a8b0c1d", nil, vFail, "half-width"},
	})
}

func TestLoginChannelSecret(t *testing.T) {
	a := steps.Answers{"line.messaging_api.channel_secret": sample.ChannelSecret}
	vRun(t, "LoginChannelSecret", LoginChannelSecret, []vCase{
		{"differs", sample.LoginChannelSecret, a, vOK, ""},
		{"same as messaging", sample.ChannelSecret, a, vFail, "Messaging API channel's secret"},
		{"bad shape first", "short", a, vFail, "got 5"},
	})
}

func TestChannelAccessToken(t *testing.T) {
	vRun(t, "ChannelAccessToken", ChannelAccessToken, []vCase{
		{"172 base64", vToken172, nil, vOK, ""},
		{"other length warns", vToken172[:170], nil, vWarn, "has 170"},
		{"longer warns", vToken172 + "AAAA", nil, vWarn, "has 176"},
		{"bearer prefix", "Bearer " + vToken172, nil, vFail, "Bearer"},
		{"inner space", vToken172[:80] + " " + vToken172[80:], nil, vFail, "one long line"},
		{"line break", vToken172[:80] + "\n" + vToken172[80:], nil, vFail, "spaces or line breaks"},
		{"secret pasted", sample.ChannelSecret, nil, vFail, "channel secret"},
		{"uppercase hex secret pasted", strings.ToUpper(sample.ChannelSecret), nil, vFail, "channel secret"},
		{"empty", "", nil, vFail, "empty"},
		{"full-width", "ｄｊｄＨ" + vToken172[4:], nil, vFail, "half-width"},
		{"non-ASCII", vToken172[:50] + "é" + vToken172[51:], nil, vFail, "character 51"},
		// Opaque: anything else that could be a token is only a warning; line.token decides.
		{"channel id pasted warns", "1234567890", nil, vWarn, "channel ID"},
		{"jwt v2.1 warns", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0." + strings.Repeat("a", 80), nil, vWarn, "v2.1"},
		{"dash warns", vToken172[:100] + "-" + vToken172[101:], nil, vWarn, "character 101"},
		{"underscore and dot warn", vToken172[:100] + "_." + vToken172[102:], nil, vWarn, `"_"`},
		{"short warns", "abcdefABCDEF0123456789+/", nil, vWarn, "has 24"},
		{"odd length warns", vToken172[:171], nil, vWarn, "has 171"},
		{"32 non-hex characters warn", strings.Repeat("xyz", 10) + "ab", nil, vWarn, "has 32"},
	})
}

func TestAccountAndProviderName(t *testing.T) {
	vRun(t, "AccountName", AccountName, []vCase{
		{"latin", "Salon Example", nil, vOK, ""},
		{"japanese", "サロン・エグザンプル 渋谷店", nil, vOK, ""},
		{"basic id", "@123abcd", nil, vWarn, "basic ID"},
		{"control", "Salon\x1b]0;x\x07", nil, vFail, "control"},
		{"too long", strings.Repeat("あ", 101), nil, vFail, "got 101"},
	})
	vRun(t, "ProviderName", ProviderName, []vCase{
		{"ok", "Example Inc.", nil, vOK, ""},
		{"too long", strings.Repeat("x", 101), nil, vFail, "at most 100"},
	})
}

func TestPolicyURL(t *testing.T) {
	vRun(t, "PolicyURL", PolicyURL, []vCase{
		{"https", sample.PrivacyPolicyURL, nil, vOK, ""},
		{"http", "http://cms.example.com/privacy", nil, vFail, "https://"},
		{"no scheme", "cms.example.com/privacy", nil, vFail, "scheme is missing"},
		{"private", "https://192.168.0.2/privacy", nil, vFail, "private network"},
	})
}

func TestWebhookURL(t *testing.T) {
	long := "https://cms.example.com/" + strings.Repeat("a", MaxWebhookURLLen-len("https://cms.example.com/"))
	vRun(t, "WebhookURL", WebhookURL, []vCase{
		{"https", sample.WebhookURL, nil, vOK, ""},
		{"exactly 500", long, nil, vOK, ""},
		{"501", long + "a", nil, vFail, "got 501"},
		{"http", "http://cms.example.com/line/webhook", nil, vFail, "got http://"},
		{"localhost", "https://localhost:8443/webhook", nil, vFail, "this computer"},
		{"loopback", "https://127.0.0.1/webhook", nil, vFail, "private network"},
		{"private 10", "https://10.0.0.5/webhook", nil, vFail, "private network"},
		{"private 172", "https://172.20.1.1/webhook", nil, vFail, "private network"},
		{"mdns", "https://shop.local/webhook", nil, vFail, "private network"},
		{"ula", "https://[fd00::5]/webhook", nil, vFail, "private network"},
		{"link local", "https://169.254.1.1/webhook", nil, vFail, "private network"},
		{"public ip", "https://203.0.113.10/webhook", nil, vOK, ""},
	})
}

func TestCallbackURL(t *testing.T) {
	wh := steps.Answers{"line.messaging_api.webhook_url": sample.WebhookURL}
	vRun(t, "CallbackURL", CallbackURL, []vCase{
		{"https", sample.CallbackURL, wh, vOK, ""},
		{"query allowed", sample.CallbackURL + "?shop=1", wh, vOK, ""},
		{"http localhost warns", "http://localhost:3000/callback", wh, vWarn, "this computer"},
		{"https private warns", "https://192.168.1.2/callback", wh, vWarn, "private network"},
		{"http public", "http://cms.example.com/line/callback", wh, vFail, "got http://"},
		{"same as webhook", sample.WebhookURL, wh, vFail, "same as the webhook URL"},
		{"same as webhook, host case", strings.Replace(sample.WebhookURL, "cms.example.com", "CMS.Example.com", 1), wh, vFail, "webhook"},
		{"fragment", sample.CallbackURL + "#top", wh, vFail, "#"},
		{"not a url", "callback", wh, vFail, "https://"},
	})
}

func TestAddFriendURL(t *testing.T) {
	vRun(t, "AddFriendURL", AddFriendURL, []vCase{
		{"lin.ee", sample.AddFriendURL, nil, vOK, ""},
		{"lin.ee trailing slash", "https://lin.ee/AbCdEfG/", nil, vOK, ""},
		{"lin.ee with query", "https://lin.ee/AbCdEfG?utm=x", nil, vOK, ""},
		{"basic id encoded", "https://line.me/R/ti/p/%40123abcde", nil, vOK, ""},
		{"basic id raw @", "https://line.me/R/ti/p/@123abcde", nil, vOK, ""},
		{"premium id", "https://line.me/R/ti/p/%40salon.example", nil, vOK, ""},
		{"old form warns", "https://line.me/ti/p/%40123abcde", nil, vWarn, "older form"},
		{"http", "http://lin.ee/AbCdEfG", nil, vFail, "https://"},
		{"lin.ee no slug", "https://lin.ee/", nil, vFail, "lin.ee/"},
		{"lin.ee two segments", "https://lin.ee/a/b", nil, vFail, "lin.ee/"},
		{"personal account", "https://line.me/R/ti/p/~taro", nil, vFail, "personal"},
		{"no id", "https://line.me/R/ti/p/", nil, vFail, "basic or premium ID"},
		{"no @", "https://line.me/R/ti/p/123abcde", nil, vFail, "basic or premium ID"},
		{"broken escape", "https://line.me/R/ti/p/%4", nil, vFail, ""},
		{"profile page", "https://page.line.me/123abcde", nil, vFail, "profile page"},
		{"other line.me path", "https://line.me/en/", nil, vFail, "line.me/R/ti/p/"},
		{"other host", "https://example.com/friend", nil, vFail, "lin.ee or line.me"},
		{"port", "https://lin.ee:8443/AbCdEfG", nil, vFail, "port"},
		{"no scheme", "lin.ee/AbCdEfG", nil, vFail, "scheme is missing"},
	})
}

func TestParseAddFriendURL(t *testing.T) {
	for _, c := range []struct {
		in   string
		want FriendURL
	}{
		{"https://lin.ee/SbxAbCd", FriendURL{Short: true, Slug: "SbxAbCd"}},
		{"https://line.me/R/ti/p/%40123sbxab", FriendURL{ID: "@123sbxab"}},
		{"https://LINE.ME/R/ti/p/@123sbxab/", FriendURL{ID: "@123sbxab"}},
	} {
		got, p := ParseAddFriendURL(c.in)
		if p != nil || got != c.want {
			t.Errorf("%s: got %+v, %+v; want %+v", c.in, got, p, c.want)
		}
	}
}

// vSecretFree fails t when a message repeats a long value given to a secret's validator.
func vSecretFree(t *testing.T, name, v string, p *steps.Problem) {
	t.Helper()
	if p == nil || len(v) < 20 || !strings.ContainsAny(v, "0123456789") {
		return
	}
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		if strings.Contains(p.Message(l), v) {
			t.Fatalf("%s: message repeats the secret: %q", name, p.Message(l))
		}
	}
}

func vFuzz(f *testing.F, name string, val steps.Validator, secret bool, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := steps.Answers{
			"line.messaging_api.channel_id":     s,
			"line.messaging_api.channel_secret": s,
			"line.messaging_api.webhook_url":    s,
		}
		p := val(s, a)
		vWorded(t, name, s, p)
		if secret {
			vSecretFree(t, name, s, p)
		}
	})
}

func FuzzChannelSecret(f *testing.F) {
	vFuzz(f, "ChannelSecret", ChannelSecret, true, sample.ChannelSecret, vToken172, "1234567890", "", "５b9e")
}

func FuzzLoginChannelSecret(f *testing.F) {
	vFuzz(f, "LoginChannelSecret", LoginChannelSecret, true, sample.LoginChannelSecret, sample.ChannelSecret)
}

func FuzzChannelAccessToken(f *testing.F) {
	vFuzz(f, "ChannelAccessToken", ChannelAccessToken, true, vToken172, "Bearer "+vToken172, "eyJa.b.c", sample.ChannelSecret)
}

func FuzzChannelID(f *testing.F) {
	vFuzz(f, "LoginChannelID", LoginChannelID, false, "1234567890", "１２３", "")
}

func FuzzWebhookURL(f *testing.F) {
	vFuzz(f, "WebhookURL", WebhookURL, false, sample.WebhookURL, "https://[::1]/", "http://x", "https://%zz/", "https://a:0/")
}

func FuzzCallbackURL(f *testing.F) {
	vFuzz(f, "CallbackURL", CallbackURL, false, sample.CallbackURL, "http://localhost:3000/cb", "https://a/#x")
}

func FuzzAddFriendURL(f *testing.F) {
	for _, s := range []string{sample.AddFriendURL, "https://line.me/R/ti/p/%40abc", "https://line.me/R/ti/p/%4", "https://line.me/ti/p/~x", "https://lin.ee/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fu, p := ParseAddFriendURL(s)
		vWorded(t, "ParseAddFriendURL", s, p)
		if p == nil || p.Severity == steps.Warning {
			// What parses names exactly one target, in the shape the checks rely on.
			if fu.Short == (fu.ID != "") || (fu.Short && fu.Slug == "") || (!fu.Short && !strings.HasPrefix(fu.ID, "@")) {
				t.Fatalf("%q parsed to %+v", s, fu)
			}
		}
	})
}

func FuzzAccountName(f *testing.F) {
	vFuzz(f, "AccountName", AccountName, false, "Salon", "@123abcd", "\x1b[31m")
}

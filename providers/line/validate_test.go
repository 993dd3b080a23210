package line

import (
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/steps"
)

type want int

const (
	ok want = iota
	warn
	fail
)

func (w want) String() string { return [...]string{"ok", "warning", "error"}[w] }

func outcome(p *steps.Problem) want {
	switch {
	case p == nil:
		return ok
	case p.Severity == steps.Warning:
		return warn
	}
	return fail
}

// worded fails t unless p says what is wrong and what to do in both languages.
func worded(t testing.TB, name, v string, p *steps.Problem) {
	t.Helper()
	if p == nil {
		return
	}
	if p.Rule.EN == "" || p.Rule.JA == "" || p.Fix.EN == "" || p.Fix.JA == "" {
		t.Fatalf("%s(%q): problem lacks wording in a language: %+v", name, v, *p)
	}
}

type vcase struct {
	name string
	v    string
	a    steps.Answers
	want want
	in   string // must appear in the English rule or fix
}

func run(t *testing.T, name string, val steps.Validator, cases []vcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(name+"/"+c.name, func(t *testing.T) {
			p := val(c.v, c.a)
			if got := outcome(p); got != c.want {
				t.Fatalf("%q: got %v (%+v), want %v", c.v, got, p, c.want)
			}
			worded(t, name, c.v, p)
			if c.in != "" && !strings.Contains(p.Rule.EN+" "+p.Fix.EN, c.in) {
				t.Fatalf("%q: %q lacks %q", c.v, p.Rule.EN+" "+p.Fix.EN, c.in)
			}
		})
	}
}

const token172 = sample.ChannelAccessToken

func TestChannelID(t *testing.T) {
	run(t, "ChannelID", ChannelID, []vcase{
		{"ten digits", "1234567890", nil, ok, ""},
		{"nine digits warns", "123456789", nil, warn, "has 9"},
		{"letters", "12345abcde", nil, fail, "digits only"},
		{"full-width", "１２３４５６７８９０", nil, fail, "half-width"},
	})
}

func TestLoginChannelID(t *testing.T) {
	learnt := steps.Answers{"line.messaging_api.channel_id": "1234567890"}
	run(t, "LoginChannelID", LoginChannelID, []vcase{
		{"differs", "1234567891", learnt, ok, ""},
		{"no learnt id", "1234567890", nil, ok, ""},
		{"same as messaging", "1234567890", learnt, fail, "Messaging API channel's ID"},
		{"short warns", "12345678", learnt, warn, "has 8"},
		{"letters", "abc", learnt, fail, "digits only"},
	})
}

func TestChannelSecret(t *testing.T) {
	run(t, "ChannelSecret", ChannelSecret, []vcase{
		{"hex", sample.ChannelSecret, nil, ok, ""},
		{"upper and lower", "ABCDEFabcdef0123456789ABCDEFabcd", nil, ok, ""},
		{"31 characters", sample.ChannelSecret[:31], nil, fail, "got 31"},
		{"33 characters", sample.ChannelSecret + "a", nil, fail, "got 33"},
		{"token pasted", token172, nil, fail, "channel access token"},
		{"channel id pasted", "1234567890", nil, fail, "channel ID"},
		{"symbol", strings.Repeat("a", 31) + "-", nil, fail, "character 32"},
		{"space", "5b9e0c7d1a2f4e6b 8c0d2e4f6a8b0c1d", nil, fail, "spaces"},
		{"full-width", "５b9e0c7d1a2f4e6b8c0d2e4f6a8b0c1d", nil, fail, "half-width"},
	})
}

func TestLoginChannelSecret(t *testing.T) {
	a := steps.Answers{"line.messaging_api.channel_secret": sample.ChannelSecret}
	run(t, "LoginChannelSecret", LoginChannelSecret, []vcase{
		{"differs", sample.LoginChannelSecret, a, ok, ""},
		{"same as messaging", sample.ChannelSecret, a, fail, "Messaging API channel's secret"},
		{"bad shape first", "short", a, fail, "got 5"},
	})
}

func TestChannelAccessToken(t *testing.T) {
	run(t, "ChannelAccessToken", ChannelAccessToken, []vcase{
		{"172 base64", token172, nil, ok, ""},
		{"other length warns", token172[:170], nil, warn, "has 170"},
		{"longer warns", token172 + "AAAA", nil, warn, "has 176"},
		{"bearer prefix", "Bearer " + token172, nil, fail, "Bearer"},
		{"inner space", token172[:80] + " " + token172[80:], nil, fail, "one long line"},
		{"line break", token172[:80] + "\n" + token172[80:], nil, fail, "spaces or line breaks"},
		{"secret pasted", sample.ChannelSecret, nil, fail, "channel secret"},
		{"channel id pasted", "1234567890", nil, fail, "channel ID"},
		{"jwt v2.1", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0." + strings.Repeat("a", 80), nil, fail, "v2.1"},
		{"bad character", token172[:100] + "-" + token172[101:], nil, fail, "character 101"},
		{"too short", "abcdefABCDEF0123456789+/", nil, fail, "too short"},
	})
}

func TestAccountAndProviderName(t *testing.T) {
	run(t, "AccountName", AccountName, []vcase{
		{"latin", "Salon Example", nil, ok, ""},
		{"japanese", "サロン・エグザンプル 渋谷店", nil, ok, ""},
		{"basic id", "@123abcd", nil, warn, "basic ID"},
		{"control", "Salon\x1b]0;x\x07", nil, fail, "control"},
		{"too long", strings.Repeat("あ", 101), nil, fail, "got 101"},
	})
	run(t, "ProviderName", ProviderName, []vcase{
		{"ok", "Example Inc.", nil, ok, ""},
		{"too long", strings.Repeat("x", 101), nil, fail, "at most 100"},
	})
}

func TestPolicyURL(t *testing.T) {
	run(t, "PolicyURL", PolicyURL, []vcase{
		{"https", sample.PrivacyPolicyURL, nil, ok, ""},
		{"http", "http://cms.example.com/privacy", nil, fail, "https://"},
		{"no scheme", "cms.example.com/privacy", nil, fail, "scheme is missing"},
		{"private", "https://192.168.0.2/privacy", nil, fail, "private network"},
	})
}

func TestWebhookURL(t *testing.T) {
	long := "https://cms.example.com/" + strings.Repeat("a", MaxWebhookURLLen-len("https://cms.example.com/"))
	run(t, "WebhookURL", WebhookURL, []vcase{
		{"https", sample.WebhookURL, nil, ok, ""},
		{"exactly 500", long, nil, ok, ""},
		{"501", long + "a", nil, fail, "got 501"},
		{"http", "http://cms.example.com/line/webhook", nil, fail, "got http://"},
		{"localhost", "https://localhost:8443/webhook", nil, fail, "this computer"},
		{"loopback", "https://127.0.0.1/webhook", nil, fail, "private network"},
		{"private 10", "https://10.0.0.5/webhook", nil, fail, "private network"},
		{"private 172", "https://172.20.1.1/webhook", nil, fail, "private network"},
		{"mdns", "https://shop.local/webhook", nil, fail, "private network"},
		{"ula", "https://[fd00::5]/webhook", nil, fail, "private network"},
		{"link local", "https://169.254.1.1/webhook", nil, fail, "private network"},
		{"public ip", "https://203.0.113.10/webhook", nil, ok, ""},
	})
}

func TestCallbackURL(t *testing.T) {
	wh := steps.Answers{"line.messaging_api.webhook_url": sample.WebhookURL}
	run(t, "CallbackURL", CallbackURL, []vcase{
		{"https", sample.CallbackURL, wh, ok, ""},
		{"query allowed", sample.CallbackURL + "?shop=1", wh, ok, ""},
		{"http localhost warns", "http://localhost:3000/callback", wh, warn, "this computer"},
		{"https private warns", "https://192.168.1.2/callback", wh, warn, "private network"},
		{"http public", "http://cms.example.com/line/callback", wh, fail, "got http://"},
		{"same as webhook", sample.WebhookURL, wh, fail, "same as the webhook URL"},
		{"same as webhook, host case", strings.Replace(sample.WebhookURL, "cms.example.com", "CMS.Example.com", 1), wh, fail, "webhook"},
		{"fragment", sample.CallbackURL + "#top", wh, fail, "#"},
		{"not a url", "callback", wh, fail, "https://"},
	})
}

func TestAddFriendURL(t *testing.T) {
	run(t, "AddFriendURL", AddFriendURL, []vcase{
		{"lin.ee", sample.AddFriendURL, nil, ok, ""},
		{"lin.ee trailing slash", "https://lin.ee/AbCdEfG/", nil, ok, ""},
		{"lin.ee with query", "https://lin.ee/AbCdEfG?utm=x", nil, ok, ""},
		{"basic id encoded", "https://line.me/R/ti/p/%40123abcde", nil, ok, ""},
		{"basic id raw @", "https://line.me/R/ti/p/@123abcde", nil, ok, ""},
		{"premium id", "https://line.me/R/ti/p/%40salon.example", nil, ok, ""},
		{"old form warns", "https://line.me/ti/p/%40123abcde", nil, warn, "older form"},
		{"http", "http://lin.ee/AbCdEfG", nil, fail, "https://"},
		{"lin.ee no slug", "https://lin.ee/", nil, fail, "lin.ee/"},
		{"lin.ee two segments", "https://lin.ee/a/b", nil, fail, "lin.ee/"},
		{"personal account", "https://line.me/R/ti/p/~taro", nil, fail, "personal"},
		{"no id", "https://line.me/R/ti/p/", nil, fail, "basic or premium ID"},
		{"no @", "https://line.me/R/ti/p/123abcde", nil, fail, "basic or premium ID"},
		{"broken escape", "https://line.me/R/ti/p/%4", nil, fail, ""},
		{"profile page", "https://page.line.me/123abcde", nil, fail, "profile page"},
		{"other line.me path", "https://line.me/en/", nil, fail, "line.me/R/ti/p/"},
		{"other host", "https://example.com/friend", nil, fail, "lin.ee or line.me"},
		{"port", "https://lin.ee:8443/AbCdEfG", nil, fail, "port"},
		{"no scheme", "lin.ee/AbCdEfG", nil, fail, "scheme is missing"},
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

// secretFree fails t when a message repeats a long value given to a secret's validator.
func secretFree(t *testing.T, name, v string, p *steps.Problem) {
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

func fuzzValidator(f *testing.F, name string, val steps.Validator, secret bool, seeds ...string) {
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
		worded(t, name, s, p)
		if secret {
			secretFree(t, name, s, p)
		}
	})
}

func FuzzChannelSecret(f *testing.F) {
	fuzzValidator(f, "ChannelSecret", ChannelSecret, true, sample.ChannelSecret, token172, "1234567890", "", "５b9e")
}

func FuzzLoginChannelSecret(f *testing.F) {
	fuzzValidator(f, "LoginChannelSecret", LoginChannelSecret, true, sample.LoginChannelSecret, sample.ChannelSecret)
}

func FuzzChannelAccessToken(f *testing.F) {
	fuzzValidator(f, "ChannelAccessToken", ChannelAccessToken, true, token172, "Bearer "+token172, "eyJa.b.c", sample.ChannelSecret)
}

func FuzzChannelID(f *testing.F) {
	fuzzValidator(f, "LoginChannelID", LoginChannelID, false, "1234567890", "１２３", "")
}

func FuzzWebhookURL(f *testing.F) {
	fuzzValidator(f, "WebhookURL", WebhookURL, false, sample.WebhookURL, "https://[::1]/", "http://x", "https://%zz/", "https://a:0/")
}

func FuzzCallbackURL(f *testing.F) {
	fuzzValidator(f, "CallbackURL", CallbackURL, false, sample.CallbackURL, "http://localhost:3000/cb", "https://a/#x")
}

func FuzzAddFriendURL(f *testing.F) {
	for _, s := range []string{sample.AddFriendURL, "https://line.me/R/ti/p/%40abc", "https://line.me/R/ti/p/%4", "https://line.me/ti/p/~x", "https://lin.ee/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fu, p := ParseAddFriendURL(s)
		worded(t, "ParseAddFriendURL", s, p)
		if p == nil || p.Severity == steps.Warning {
			// What parses names exactly one target, in the shape the checks rely on.
			if fu.Short == (fu.ID != "") || (fu.Short && fu.Slug == "") || (!fu.Short && !strings.HasPrefix(fu.ID, "@")) {
				t.Fatalf("%q parsed to %+v", s, fu)
			}
		}
	})
}

func FuzzAccountName(f *testing.F) {
	fuzzValidator(f, "AccountName", AccountName, false, "Salon", "@123abcd", "\x1b[31m")
}

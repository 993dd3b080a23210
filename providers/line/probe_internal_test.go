package line

import (
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"testing"
)

func TestProbeAuthorizeURL(t *testing.T) {
	u, err := url.Parse(probeAuthorizeURL("https://access.line.me/", "2000000002", "https://cms.example.com/line/callback"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Host != "access.line.me" || u.Path != "/oauth2/v2.1/authorize" {
		t.Fatalf("url %s", u)
	}
	q := u.Query()
	for k, want := range map[string]string{
		"response_type":         "code",
		"client_id":             "2000000002",
		"redirect_uri":          "https://cms.example.com/line/callback",
		"scope":                 "profile openid",
		"code_challenge_method": "S256",
	} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, q.Get(k), want)
		}
	}
	if q.Get("state") == "" {
		t.Error("no state")
	}
	c, err := base64.RawURLEncoding.DecodeString(q.Get("code_challenge"))
	if err != nil || len(c) != sha256.Size {
		t.Errorf("code_challenge %q is not a base64url SHA-256", q.Get("code_challenge"))
	}
	again, _ := url.Parse(probeAuthorizeURL("https://access.line.me", "2000000002", "https://cms.example.com/line/callback"))
	if again.Query().Get("state") == q.Get("state") || again.Query().Get("code_challenge") == q.Get("code_challenge") {
		t.Error("state and challenge are not fresh")
	}
}

func TestProbeFriendID(t *testing.T) {
	cases := []struct {
		in    string
		id    string
		short bool
		ok    bool
	}{
		{"https://lin.ee/AbCdEfG", "AbCdEfG", true, true},
		{"https://line.me/R/ti/p/%40123abcde", "@123abcde", false, true},
		{"https://line.me/R/ti/p/@123abcde", "@123abcde", false, true},
		{"https://line.me/ti/p/%40123abcde", "@123abcde", false, true},
		{"https://lin.ee/", "", false, false},
		{"https://lin.ee/a/b", "", false, false},
		{"https://example.com/R/ti/p/%40x", "", false, false},
		{"::", "", false, false},
	}
	for _, c := range cases {
		id, short, ok := probeFriendID(c.in)
		if id != c.id || short != c.short || ok != c.ok {
			t.Errorf("%q: %q %v %v", c.in, id, short, ok)
		}
	}
	if !probeSameAccount("@123ABCDE", "123abcde") || probeSameAccount("", "") || probeSameAccount("@a", "@b") {
		t.Error("probeSameAccount")
	}
}

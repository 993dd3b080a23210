package fakeapi

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/setup-wizard/setup-wizard/internal/sample"
)

func naverPost(t *testing.T, u string, form url.Values) (int, string) {
	t.Helper()
	resp, err := http.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func naverRevokeForm(secret string) url.Values {
	return url.Values{"client_id": {sample.NaverClientID}, "client_secret": {secret}, "token": {"dummy"}}
}

func TestNAVERRevoke(t *testing.T) {
	n := NewNAVER()
	defer n.Close()
	u := n.NIDURL() + "/oauth2.0/revoke"
	if st, body := naverPost(t, u, naverRevokeForm(sample.NaverClientSecret)); st != 200 || body != "" {
		t.Errorf("right credentials: %d %q", st, body)
	}
	if st, body := naverPost(t, u, naverRevokeForm("Wrong0Secr")); st != 401 || !strings.Contains(body, `"unauthorized_client"`) {
		t.Errorf("wrong secret: %d %q", st, body)
	}
	if st, _ := naverPost(t, u, url.Values{"client_id": {sample.NaverClientID}}); st != 400 {
		t.Errorf("malformed: %d", st)
	}
	for knob, want := range map[string]int{"naver_wrong_secret": 401, "naver_bad_request": 400, "naver_unavailable": 503} {
		n.Reset()
		if err := n.SetKnob(knob); err != nil {
			t.Fatal(err)
		}
		if st, _ := naverPost(t, u, naverRevokeForm(sample.NaverClientSecret)); st != want {
			t.Errorf("%s: %d, want %d", knob, st, want)
		}
		if n.Requests("/oauth2.0/revoke") != 1 {
			t.Errorf("%s: counter %d after Reset and one call", knob, n.Requests("/oauth2.0/revoke"))
		}
	}
}

func TestNAVERAuthorize(t *testing.T) {
	n := NewNAVER()
	defer n.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fetch := func(u string) (int, string, string) {
		resp, err := client.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(b)
	}
	get := func(clientID, redirect string) (int, string, string) {
		q := url.Values{"response_type": {"code"}, "client_id": {clientID}, "redirect_uri": {redirect}, "state": {"s"}}
		return fetch(n.NIDURL() + "/oauth2.0/authorize?" + q.Encode())
	}
	// signedIn follows the login page's link, as a visitor who signs in.
	signedIn := func(clientID, redirect string) (int, string, string) {
		st, loc, _ := get(clientID, redirect)
		if st != http.StatusFound || !strings.Contains(loc, "/nidlogin.login?") {
			t.Fatalf("%s %q anonymous: %d %q", clientID, redirect, st, loc)
		}
		_, _, page := fetch(loc)
		i := strings.Index(page, `href="`)
		if i < 0 {
			t.Fatalf("login page without a link: %s", page)
		}
		href := html.UnescapeString(page[i+len(`href="`) : i+strings.Index(page[i:], `">`)])
		return fetch(n.NIDURL() + href)
	}
	const errSentence = "서비스 설정에 오류가 있어 네이버 아이디로 로그인할 수 없습니다"
	check := func(mode string, do func(string, string) (int, string, string)) {
		for _, cb := range []string{"https://sample.com", "https://www.sample.com/", "https://m.sample.com/member/callback", "https://sample.com?x=1"} {
			st, loc, body := do(sample.NaverClientID, cb)
			if mode == "at once" && (st != http.StatusFound || !strings.Contains(loc, "/nidlogin.login?")) {
				t.Errorf("%s %s: %d %q", mode, cb, st, loc)
			}
			if mode == "signed in" && (st != http.StatusOK || strings.Contains(body, errSentence) || !strings.Contains(body, "code="+NAVERSampleCode)) {
				t.Errorf("%s %s: %d %q", mode, cb, st, body)
			}
		}
		for _, cb := range []string{"https://evil.example", "https://sample.company", "https://shop.sample.com", ""} {
			st, loc, body := do(sample.NaverClientID, cb)
			if st != naverErrorPageStatus || loc != "" || !strings.Contains(body, errSentence) || !strings.Contains(body, sample.ShopName) {
				t.Errorf("%s %q: %d %q %q", mode, cb, st, loc, body)
			}
		}
		if _, _, body := do("UnknownClientId00000", "https://sample.com"); !strings.Contains(body, errSentence) {
			t.Errorf("%s unknown client: %q", mode, body)
		}
	}
	// By default every anonymous request goes to the login page: nothing is judged yet.
	for _, cb := range []string{"https://sample.com", "https://evil.example", ""} {
		if st, loc, _ := get("UnknownClientId00000", cb); st != http.StatusFound || !strings.Contains(loc, "/nidlogin.login?") {
			t.Errorf("anonymous %q: %d %q", cb, st, loc)
		}
	}
	check("signed in", signedIn)
	if err := n.SetKnob("naver_callback_unregistered"); err != nil {
		t.Fatal(err)
	}
	if _, _, body := signedIn(sample.NaverClientID, "https://sample.com"); !strings.Contains(body, errSentence) {
		t.Errorf("knob, signed in: %q", body)
	}
	n.Reset()
	if err := n.SetKnob("naver_authorize_at_once"); err != nil {
		t.Fatal(err)
	}
	check("at once", get)
	if err := n.SetKnob("naver_callback_unregistered"); err != nil {
		t.Fatal(err)
	}
	if _, _, body := get(sample.NaverClientID, "https://sample.com"); !strings.Contains(body, errSentence) {
		t.Errorf("knob: %q", body)
	}
	if err := n.ClearKnob("naver_callback_unregistered"); err != nil {
		t.Fatal(err)
	}
	if st, _, _ := get(sample.NaverClientID, "https://sample.com"); st != http.StatusFound {
		t.Errorf("after ClearKnob: %d", st)
	}
	if err := n.ClearKnob("nope"); err == nil {
		t.Error("ClearKnob of an unknown knob accepted")
	}
}

func TestNAVERTokenAndProfile(t *testing.T) {
	n := NewNAVER()
	defer n.Close()
	cfg := &oauth2.Config{
		ClientID: sample.NaverClientID, ClientSecret: sample.NaverClientSecret,
		Endpoint: oauth2.Endpoint{AuthURL: n.NIDURL() + "/oauth2.0/authorize", TokenURL: n.NIDURL() + "/oauth2.0/token", AuthStyle: oauth2.AuthStyleInParams},
	}
	ctx := context.Background()
	// An unknown code: NAVER answers 200 with an error, which x/oauth2 turns into a RetrieveError.
	_, err := cfg.Exchange(ctx, "made-up")
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_request" || re.Response.StatusCode != 200 {
		t.Fatalf("made-up code: %v", err)
	}
	tok, err := cfg.Exchange(ctx, NAVERSampleCode)
	if err != nil || tok.AccessToken == "" || tok.RefreshToken == "" {
		t.Fatalf("sample code: %v %+v", err, tok)
	}
	if _, err := cfg.Exchange(ctx, NAVERSampleCode); err == nil {
		t.Error("the sample code worked twice")
	}
	wrong := *cfg
	wrong.ClientSecret = "Wrong0Secr"
	if _, err := wrong.Exchange(ctx, "x"); !errors.As(err, &re) || re.ErrorCode != "invalid_client" {
		t.Errorf("wrong secret: %v", err)
	}

	me := func(auth string) (int, map[string]any) {
		req, _ := http.NewRequest(http.MethodGet, n.OpenAPIURL()+"/v1/nid/me", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&v)
		return resp.StatusCode, v
	}
	if st, v := me("Bearer " + tok.AccessToken); st != 200 || v["resultcode"] != "00" || v["response"].(map[string]any)["email"] == nil {
		t.Errorf("profile: %d %v", st, v)
	}
	if st, v := me("Bearer nope"); st != 401 || v["resultcode"] != "024" {
		t.Errorf("bad token: %d %v", st, v)
	}
	if st, v := me(""); st != 401 || v["resultcode"] != "028" {
		t.Errorf("no header: %d %v", st, v)
	}
	app := n.App()
	app.ItemEmail = false
	n.SetApp(app)
	if _, v := me("Bearer " + tok.AccessToken); v["response"].(map[string]any)["email"] != nil {
		t.Errorf("an item not asked for is present: %v", v)
	}
}

func TestNAVERKnobs(t *testing.T) {
	n := NewNAVER()
	defer n.Close()
	for _, k := range NAVERKnobs() {
		name := strings.Replace(k.Name, "=<duration>", "=1ms", 1)
		if err := n.SetKnob(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.HasPrefix(k.Name, "naver_") || k.Help == "" {
			t.Errorf("knob %+v", k)
		}
	}
	if len(n.ActiveKnobs()) != len(NAVERKnobs()) {
		t.Errorf("active %v", n.ActiveKnobs())
	}
	for _, bad := range []string{"wrong_secret", "naver_latency", "naver_latency=soon", "naver_latency=-1s", "naver_unavailable=1"} {
		if err := n.SetKnob(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	n.Reset()
	if len(n.ActiveKnobs()) != 0 {
		t.Errorf("after Reset: %v", n.ActiveKnobs())
	}
}

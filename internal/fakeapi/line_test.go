package fakeapi

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/sample"
)

type lineTestClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *lineTestClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *lineTestClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func lineDo(t *testing.T, method, u string, body io.Reader, hdr map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	if m == nil {
		m = map[string]any{"_raw": string(b)}
	}
	return res.StatusCode, res.Header, m
}

func lineForm(v url.Values) (io.Reader, map[string]string) {
	return strings.NewReader(v.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
}

var lineBearer = map[string]string{"Authorization": "Bearer " + sample.ChannelAccessToken, "Content-Type": "application/json"}

func TestLINEVerifyAndStatelessToken(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	body, h := lineForm(url.Values{"access_token": {sample.ChannelAccessToken}})
	st, _, m := lineDo(t, "POST", l.APIURL()+"/v2/oauth/verify", body, h)
	if st != 200 || m["client_id"] != sample.ChannelID {
		t.Fatalf("verify: %d %v", st, m)
	}
	body, h = lineForm(url.Values{"access_token": {"nope"}})
	if st, _, m = lineDo(t, "POST", l.APIURL()+"/v2/oauth/verify", body, h); st != 400 || m["error"] != "invalid_request" {
		t.Fatalf("verify wrong: %d %v", st, m)
	}
	for _, c := range []struct{ id, secret string }{{sample.ChannelID, sample.ChannelSecret}, {sample.LoginChannelID, sample.LoginChannelSecret}} {
		body, h = lineForm(url.Values{"grant_type": {"client_credentials"}, "client_id": {c.id}, "client_secret": {c.secret}})
		if st, _, m = lineDo(t, "POST", l.APIURL()+"/oauth2/v3/token", body, h); st != 200 || m["token_type"] != "Bearer" || m["expires_in"] != float64(900) {
			t.Fatalf("stateless %s: %d %v", c.id, st, m)
		}
	}
	// A secret of the other channel is refused.
	body, h = lineForm(url.Values{"grant_type": {"client_credentials"}, "client_id": {sample.ChannelID}, "client_secret": {sample.LoginChannelSecret}})
	if st, _, m = lineDo(t, "POST", l.APIURL()+"/oauth2/v3/token", body, h); st != 400 || m["error_description"] != "Invalid 'client_credentials'." {
		t.Fatalf("stateless crossed: %d %v", st, m)
	}
	for _, k := range []string{"wrong_secret", "wrong_login_secret"} {
		l.Reset()
		if err := l.SetKnob(k); err != nil {
			t.Fatal(err)
		}
		id, secret := sample.ChannelID, sample.ChannelSecret
		if k == "wrong_login_secret" {
			id, secret = sample.LoginChannelID, sample.LoginChannelSecret
		}
		body, h = lineForm(url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}})
		if st, _, _ = lineDo(t, "POST", l.APIURL()+"/oauth2/v3/token", body, h); st != 400 {
			t.Fatalf("%s: %d", k, st)
		}
	}
	l.Reset()
	_ = l.SetKnob("wrong_token")
	body, h = lineForm(url.Values{"access_token": {sample.ChannelAccessToken}})
	if st, _, _ = lineDo(t, "POST", l.APIURL()+"/v2/oauth/verify", body, h); st != 400 {
		t.Fatalf("wrong_token verify: %d", st)
	}
	if st, _, _ = lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer); st != 401 {
		t.Fatalf("wrong_token bot: %d", st)
	}
}

func TestLINEBotInfo(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	st, _, m := lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer)
	if st != 200 || m["chatMode"] != "chat" || m["basicId"] != sample.BasicID || m["displayName"] != sample.AccountName {
		t.Fatalf("bot info: %d %v", st, m)
	}
	if uid, _ := m["userId"].(string); len(uid) != 33 || uid[0] != 'U' {
		t.Fatalf("userId %q", uid)
	}
	_ = l.SetKnob("chat_off")
	if _, _, m = lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer); m["chatMode"] != "bot" || m["markAsReadMode"] != "auto" {
		t.Fatalf("chat_off: %v", m)
	}
	_ = l.SetKnob("escape_sequences")
	if _, _, m = lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer); !strings.Contains(m["displayName"].(string), "\x1b[") {
		t.Fatalf("escape_sequences: %v", m)
	}
	if st, _, _ = lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, nil); st != 401 {
		t.Fatalf("no token: %d", st)
	}
}

func TestLINEWebhookCacheAndValidation(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	clock := &lineTestClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l.SetClock(clock.Now)
	l.SetWebhookDelay(10 * time.Second)
	ep := l.APIURL() + "/v2/bot/channel/webhook/endpoint"
	if st, _, _ := lineDo(t, "GET", ep, nil, lineBearer); st != 404 {
		t.Fatalf("no webhook yet: %d", st)
	}
	for _, bad := range []string{"http://cms.example.com/hook", "https://cms.example.com/" + strings.Repeat("a", 500), "not a url"} {
		st, _, m := lineDo(t, "PUT", ep, strings.NewReader(`{"endpoint":"`+bad+`"}`), lineBearer)
		if st != 400 || m["message"] != "Invalid webhook endpoint URL" {
			t.Fatalf("PUT %q: %d %v", bad, st, m)
		}
	}
	if st, _, _ := lineDo(t, "PUT", ep, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer); st != 200 {
		t.Fatalf("PUT: %d", st)
	}
	if st, _, _ := lineDo(t, "GET", ep, nil, lineBearer); st != 404 {
		t.Fatalf("visible before the cache delay: %d", st)
	}
	if got, _ := l.Webhook(); got != sample.WebhookURL {
		t.Fatalf("saved %q", got)
	}
	clock.Add(10 * time.Second)
	st, _, m := lineDo(t, "GET", ep, nil, lineBearer)
	if st != 200 || m["endpoint"] != sample.WebhookURL || m["active"] != true {
		t.Fatalf("after the delay: %d %v", st, m)
	}
	_ = l.SetKnob("webhook_inactive")
	if _, _, m = lineDo(t, "GET", ep, nil, lineBearer); m["active"] != false {
		t.Fatalf("webhook_inactive: %v", m)
	}
	l.Reset()
	if st, _, _ = lineDo(t, "GET", ep, nil, lineBearer); st != 404 {
		t.Fatalf("Reset keeps the webhook: %d", st)
	}
}

func TestLINEWebhookTest(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	u := l.APIURL() + "/v2/bot/channel/webhook/test"
	if st, _, _ := lineDo(t, "POST", u, strings.NewReader(`{}`), lineBearer); st != 404 {
		t.Fatalf("nothing saved: %d", st)
	}
	st, _, m := lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer)
	if st != 200 || m["success"] != true || m["reason"] != "OK" || m["statusCode"] != float64(200) {
		t.Fatalf("test: %d %v", st, m)
	}
	if _, err := time.Parse(time.RFC3339, m["timestamp"].(string)); err != nil {
		t.Fatalf("timestamp: %v", err)
	}
	for knob, reason := range map[string]string{
		"webhook_test_cms_status=401":    "ERROR_STATUS_CODE",
		"webhook_test_could_not_connect": "COULD_NOT_CONNECT",
		"webhook_test_timeout":           "REQUEST_TIMEOUT",
		"webhook_test_error_status":      "ERROR_STATUS_CODE",
		"webhook_test_unclassified":      "UNCLASSIFIED",
	} {
		l.Reset()
		_ = l.SetKnob(knob)
		_, _, m = lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer)
		if m["success"] != false || m["reason"] != reason {
			t.Fatalf("%s: %v", knob, m)
		}
	}
	l.Reset()
	_ = l.SetKnob("webhook_test_cms_status=404")
	if _, _, m = lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer); m["statusCode"] != float64(404) || m["success"] != false {
		t.Fatalf("cms 404: %v", m)
	}
	l.Reset()
	_ = l.SetKnob("webhook_test_unresolvable")
	if st, _, m = lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer); st != 400 {
		t.Fatalf("unresolvable: %d %v", st, m)
	}
	l.Reset()
	for i := 0; i < 60; i++ {
		lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer)
	}
	if st, _, m = lineDo(t, "POST", u, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer); st != 429 {
		t.Fatalf("61st test in an hour: %d %v", st, m)
	}
	if l.WebhookTests() != 60 {
		t.Fatalf("WebhookTests %d", l.WebhookTests())
	}
}

func TestLINEAuthorizeAndLinEE(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	auth := func(client, redirect string) (int, http.Header, string) {
		q := url.Values{"response_type": {"code"}, "client_id": {client}, "redirect_uri": {redirect}, "state": {"s"}, "scope": {"profile openid"}}
		st, h, m := lineDo(t, "GET", l.AccessURL()+"/oauth2/v2.1/authorize?"+q.Encode(), nil, nil)
		raw, _ := m["_raw"].(string)
		return st, h, raw
	}
	// signIn follows the login page's link as a signed-in visitor: the consent step.
	signIn := func(loc string) (int, string) {
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatal(err)
		}
		ret := u.Query().Get("returnUri")
		if !strings.HasPrefix(ret, "/oauth2/v2.1/authorize/consent?") {
			t.Fatalf("returnUri %q", ret)
		}
		st, _, m := lineDo(t, "GET", l.AccessURL()+ret, nil, nil)
		raw, _ := m["_raw"].(string)
		return st, raw
	}
	// By default, like LINE: every anonymous request goes to the login page first.
	for _, c := range []struct{ client, redirect, after string }{
		{sample.LoginChannelID, sample.CallbackURL, "Allow"},
		{sample.LoginChannelID, sample.CallbackURL + "?from=probe", "Allow"},
		{sample.LoginChannelID, "https://cms.example.com/other", "Invalid redirect_uri value. Check if it is registered in a LINE developers site."},
		{"1999999999", sample.CallbackURL, "Invalid client_id"},
	} {
		st, h, _ := auth(c.client, c.redirect)
		if st != 302 || !strings.Contains(h.Get("Location"), "/oauth2/v2.1/login?") {
			t.Fatalf("%s %s: %d %v", c.client, c.redirect, st, h)
		}
		if lst, _, m := lineDo(t, "GET", h.Get("Location"), nil, nil); lst != 200 || !strings.Contains(m["_raw"].(string), "/oauth2/v2.1/authorize/consent?") {
			t.Fatalf("login page: %d %v", lst, m)
		}
		st, body := signIn(h.Get("Location"))
		if !strings.Contains(body, c.after) || (c.after == "Allow") != (st == 200) {
			t.Fatalf("%s %s after sign-in: %d %s", c.client, c.redirect, st, body)
		}
		if c.after == "Allow" && !strings.Contains(body, html.EscapeString(sample.CallbackURL)) {
			t.Fatalf("consent does not lead to the callback: %s", body)
		}
	}
	_ = l.SetKnob("callback_unregistered")
	_, h, _ := auth(sample.LoginChannelID, sample.CallbackURL)
	if st, body := signIn(h.Get("Location")); st != 400 || !strings.Contains(body, "Invalid redirect_uri") {
		t.Fatalf("callback_unregistered after sign-in: %d %s", st, body)
	}
	l.Reset()
	_ = l.SetKnob("login_channel_unknown")
	_, h, _ = auth(sample.LoginChannelID, sample.CallbackURL)
	if st, body := signIn(h.Get("Location")); st != 400 || !strings.Contains(body, "Invalid client_id") {
		t.Fatalf("login_channel_unknown after sign-in: %d %s", st, body)
	}

	// The old assumption, behind a knob: judged at once.
	l.Reset()
	_ = l.SetKnob("authorize_validates_at_once")
	st, h, _ := auth(sample.LoginChannelID, sample.CallbackURL)
	if st != 302 || !strings.Contains(h.Get("Location"), "/oauth2/v2.1/login") {
		t.Fatalf("at once, registered: %d %v", st, h)
	}
	if st, _, body := auth(sample.LoginChannelID, "https://cms.example.com/other"); st != 400 || !strings.Contains(body, "Invalid redirect_uri value. Check if it is registered in a LINE developers site.") {
		t.Fatalf("at once, unregistered: %d %s", st, body)
	}
	if st, _, body := auth("1999999999", sample.CallbackURL); st != 400 || !strings.Contains(body, "Invalid client_id") {
		t.Fatalf("at once, client id: %d %s", st, body)
	}
	_ = l.SetKnob("callback_unregistered")
	if st, _, _ = auth(sample.LoginChannelID, sample.CallbackURL); st != 400 {
		t.Fatalf("at once, callback_unregistered: %d", st)
	}

	st, h, _ = lineDo(t, "GET", l.LinEEURL()+"/SbxAbCd", nil, nil)
	if st != 302 || h.Get("Location") != "https://line.me/R/ti/p/%40123sbxab" {
		t.Fatalf("lin.ee: %d %q", st, h.Get("Location"))
	}
	if st, _, _ = lineDo(t, "GET", l.LinEEURL()+"/Nothing", nil, nil); st != 404 {
		t.Fatalf("unknown slug: %d", st)
	}
	if l.Requests("/SbxAbCd") != 1 || l.Requests("/oauth2/v2.1/authorize") != 4 {
		t.Fatalf("Requests: %d %d", l.Requests("/SbxAbCd"), l.Requests("/oauth2/v2.1/authorize"))
	}
}

func TestLINEKnobs(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	err := l.SetKnob("no_such_knob")
	if err == nil || !strings.Contains(err.Error(), "wrong_token") || !strings.Contains(err.Error(), "latency=<duration>") {
		t.Fatalf("unknown knob: %v", err)
	}
	if err := l.SetKnob("latency=soon"); err == nil {
		t.Fatal("latency without a duration accepted")
	}
	for _, k := range LINEKnobs() {
		if k.Help == "" {
			t.Errorf("%s has no help", k.Name)
		}
		name := k.Name
		if strings.HasSuffix(name, "=<duration>") {
			name = strings.TrimSuffix(name, "<duration>") + "1ms"
		}
		if strings.HasSuffix(name, "=<code>") {
			name = strings.TrimSuffix(name, "<code>") + "404"
		}
		if err := l.SetKnob(name); err != nil {
			t.Errorf("SetKnob(%q): %v", name, err)
		}
	}
	if len(l.ActiveKnobs()) != len(LINEKnobs()) {
		t.Fatalf("ActiveKnobs %v", l.ActiveKnobs())
	}
	if err := l.ClearKnob("chat_off"); err != nil || len(l.ActiveKnobs()) != len(LINEKnobs())-1 {
		t.Fatalf("ClearKnob: %v %v", err, l.ActiveKnobs())
	}
	for _, bad := range []string{"no_such_knob", "webhook_test_cms_status=abc", "webhook_test_cms_status=99"} {
		if bad != "no_such_knob" {
			if err := l.SetKnob(bad); err == nil {
				t.Errorf("SetKnob(%q) accepted", bad)
			}
		} else if err := l.ClearKnob(bad); err == nil {
			t.Errorf("ClearKnob(%q) accepted", bad)
		}
	}
	l.Reset()
	if len(l.ActiveKnobs()) != 0 {
		t.Fatalf("after Reset: %v", l.ActiveKnobs())
	}
}

func TestLINEFollowersAndV21Verify(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	u := l.APIURL() + "/v2/bot/followers/ids?limit=1"
	if st, _, m := lineDo(t, "GET", u, nil, lineBearer); st != 200 || m["userIds"] == nil {
		t.Fatalf("verified: %d %v", st, m)
	}
	if st, _, _ := lineDo(t, "GET", u, nil, map[string]string{"Authorization": "Bearer nope"}); st != 401 {
		t.Fatalf("wrong token: %d", st)
	}
	_ = l.SetKnob("unverified_account")
	if st, _, m := lineDo(t, "GET", u, nil, lineBearer); st != 403 || m["message"] == nil {
		t.Fatalf("unverified: %d %v", st, m)
	}
	l.Reset()
	v := l.APIURL() + "/oauth2/v2.1/verify?access_token="
	st, _, m := lineDo(t, "GET", v+url.QueryEscape(LINESampleV21Token), nil, nil)
	if st != 200 || m["client_id"] != sample.ChannelID || m["expires_in"] != float64(30*24*3600) {
		t.Fatalf("v2.1 verify: %d %v", st, m)
	}
	if st, _, m := lineDo(t, "GET", v+url.QueryEscape(sample.ChannelAccessToken), nil, nil); st != 400 || m["error"] != "invalid_request" {
		t.Fatalf("long-lived at v2.1 verify: %d %v", st, m)
	}
	body, hdr := lineForm(url.Values{"access_token": {LINESampleV21Token}})
	if st, _, _ := lineDo(t, "POST", l.APIURL()+"/v2/oauth/verify", body, hdr); st != 400 {
		t.Fatalf("v2.1 token at /v2/oauth/verify: %d", st)
	}
	if st, _, _ := lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, map[string]string{"Authorization": "Bearer " + LINESampleV21Token}); st != 200 {
		t.Fatalf("v2.1 token on a bot call: %d", st)
	}
	_ = l.SetKnob("wrong_token")
	if st, _, _ := lineDo(t, "GET", v+url.QueryEscape(LINESampleV21Token), nil, nil); st != 400 {
		t.Fatalf("wrong_token: %d", st)
	}
}

func TestLINEFaultKnobs(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	info := l.APIURL() + "/v2/bot/info"
	_ = l.SetKnob("rate_limit")
	for i := 0; i < 2; i++ {
		st, h, m := lineDo(t, "GET", info, nil, lineBearer)
		if st != 429 || h.Get("Retry-After") != "" || m["message"] != "The API rate limit has been exceeded. Try again later." {
			t.Fatalf("rate_limit call %d: %d %v %v", i, st, h, m)
		}
	}
	if st, _, _ := lineDo(t, "GET", info, nil, lineBearer); st != 200 {
		t.Fatalf("third call: %d", st)
	}
	l.Reset()
	_ = l.SetKnob("rate_limit_retry_after")
	if st, h, _ := lineDo(t, "GET", info, nil, lineBearer); st != 429 || h.Get("Retry-After") != "1" {
		t.Fatalf("rate_limit_retry_after: %d %v", st, h)
	}
	l.Reset()
	_ = l.SetKnob("server_error_once")
	if st, _, _ := lineDo(t, "GET", info, nil, lineBearer); st != 500 {
		t.Fatalf("server_error_once first: %d", st)
	}
	if st, _, _ := lineDo(t, "GET", info, nil, lineBearer); st != 200 {
		t.Fatalf("server_error_once second: %d", st)
	}
	l.Reset()
	_ = l.SetKnob("server_error")
	for i := 0; i < 3; i++ {
		if st, _, _ := lineDo(t, "GET", info, nil, lineBearer); st != 500 {
			t.Fatalf("server_error: %d", st)
		}
	}
	l.Reset()
	_ = l.SetKnob("bad_json")
	if st, _, m := lineDo(t, "GET", info, nil, lineBearer); st != 200 || m["_raw"] == nil {
		t.Fatalf("bad_json: %d %v", st, m)
	}
	l.Reset()
	_ = l.SetKnob("latency=5ms")
	if st, _, _ := lineDo(t, "GET", info, nil, lineBearer); st != 200 {
		t.Fatalf("latency: %d", st)
	}
}

// TestLINEHangAndConcurrency holds requests with the hang knob, so that the count of
// requests in flight is known without timing.
func TestLINEHangAndConcurrency(t *testing.T) {
	l := NewLINE()
	_ = l.SetKnob("hang")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", l.APIURL()+"/v2/bot/info", nil)
			_, err := http.DefaultClient.Do(req)
			errs <- err
		}()
	}
	for l.Requests("/v2/bot/info") < 3 {
		time.Sleep(time.Millisecond)
	}
	if got := l.MaxConcurrent(); got != 3 {
		t.Fatalf("MaxConcurrent %d", got)
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err == nil {
			t.Fatal("a hanging request was answered")
		}
	}
	// Close lets go of requests still held.
	done := make(chan struct{})
	go func() {
		req, _ := http.NewRequest("GET", l.APIURL()+"/v2/bot/info", nil)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		close(done)
	}()
	for l.Requests("/v2/bot/info") < 4 {
		time.Sleep(time.Millisecond)
	}
	l.Close()
	<-done
}

func TestLINESandboxDelaysTheWebhook(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	l.SetSandbox()
	clock := &lineTestClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l.SetClock(clock.Now)
	ep := l.APIURL() + "/v2/bot/channel/webhook/endpoint"
	if st, _, _ := lineDo(t, "PUT", ep, strings.NewReader(`{"endpoint":"`+sample.WebhookURL+`"}`), lineBearer); st != 200 {
		t.Fatalf("PUT: %d", st)
	}
	clock.Add(SandboxWebhookDelay - time.Millisecond)
	if st, _, _ := lineDo(t, "GET", ep, nil, lineBearer); st != 404 {
		t.Fatalf("visible before the sandbox delay: %d", st)
	}
	clock.Add(time.Millisecond)
	if st, _, _ := lineDo(t, "GET", ep, nil, lineBearer); st != 200 {
		t.Fatalf("not visible after the sandbox delay: %d", st)
	}
}

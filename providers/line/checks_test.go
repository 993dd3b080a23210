package line_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

type chktRig struct {
	emu      *fakeapi.LINE
	clock    *fakeapi.Clock
	env      *verify.Env
	progress []steps.Text
}

func chktAnswers() steps.Answers {
	return steps.Answers{
		"line.account_name":                       sample.AccountName,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
		"flow.line.set_webhook":                   "false",
	}
}

func chktNewRig(t *testing.T, emu *fakeapi.LINE, knobs ...string) *chktRig {
	t.Helper()
	if emu == nil {
		emu = fakeapi.NewLINE()
	}
	t.Cleanup(emu.Close)
	for _, k := range knobs {
		if err := emu.SetKnob(k); err != nil {
			t.Fatal(err)
		}
	}
	r := &chktRig{emu: emu, clock: fakeapi.NewClock(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))}
	emu.SetClock(r.clock.Now)
	r.env = &verify.Env{
		Answers: chktAnswers(),
		HTTP:    &http.Client{},
		URLs:    verify.BaseURLs{LineAPI: emu.APIURL(), LineAccess: emu.AccessURL(), LinEE: emu.LinEEURL()},
		Now:     r.clock.Now,
		Sleep:   r.clock.Sleep,
		Progress: func(id string, msg steps.Text) {
			r.progress = append(r.progress, msg)
		},
	}
	return r
}

func chktCheck(t *testing.T, id string) verify.Check {
	t.Helper()
	for _, c := range line.Checks() {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return verify.Check{}
}

// run runs one check as the runner would: only when it applies, with the Learnt values
// of the checks before it already in the answers.
func (r *chktRig) run(t *testing.T, id string, timeout time.Duration) verify.Result {
	t.Helper()
	c := chktCheck(t, id)
	if !c.Applies(r.env.Answers) {
		t.Fatalf("%s does not apply to the answers", id)
	}
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	res := c.Run(ctx, r.env)
	chktSound(t, res)
	for k, v := range res.Learnt {
		r.env.Answers[k] = v
	}
	return res
}

var chktSecrets = []string{sample.ChannelAccessToken, sample.ChannelSecret, sample.LoginChannelSecret}

// chktSound asserts what holds for every result: both languages, a step for a failure,
// no escape sequence or control character, no secret.
func chktSound(t *testing.T, r verify.Result) {
	t.Helper()
	if r.ID == "" || r.Message.EN == "" || r.Message.JA == "" {
		t.Errorf("%s: message missing a language: %+v", r.ID, r.Message)
	}
	if r.Status == verify.Fail && r.Step == "" {
		t.Errorf("%s: a failure names no step", r.ID)
	}
	fields := []string{r.Message.EN, r.Message.JA, r.Detail, r.Step}
	for k, v := range r.Learnt {
		fields = append(fields, k, v)
	}
	for _, f := range fields {
		if f != steps.Clean(f) || strings.ContainsAny(f, "\x1b\a") {
			t.Errorf("%s: control characters reach the result: %q", r.ID, f)
		}
		for _, s := range chktSecrets {
			if strings.Contains(f, s) {
				t.Errorf("%s: a secret appears in the result: %q", r.ID, f)
			}
		}
	}
}

func chktExpect(t *testing.T, r verify.Result, status verify.Status, step string, words ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s: status %s, want %s (%s | %s)", r.ID, r.Status, status, r.Message.EN, r.Detail)
	}
	if step != "" && r.Step != step {
		t.Fatalf("%s: step %q, want %q", r.ID, r.Step, step)
	}
	all := r.Message.EN + " | " + r.Message.JA + " | " + r.Detail
	for _, w := range words {
		if !strings.Contains(all, w) {
			t.Fatalf("%s: %q not in %q", r.ID, w, all)
		}
	}
}

func TestChecksDeclaration(t *testing.T) {
	want := map[string][]string{
		"line.token":          nil,
		"line.secret":         {"line.token"},
		"line.bot":            nil,
		"line.verified":       nil,
		"line.friend_url":     {"line.bot"},
		"line.webhook.set":    nil,
		"line.webhook.active": {"line.webhook.set"},
		"line.webhook.test":   {"line.webhook.active"},
		"line.login.secret":   nil,
		"line.login.callback": nil,
	}
	cs := line.Checks()
	if len(cs) != len(want) {
		t.Fatalf("%d checks", len(cs))
	}
	full := chktAnswers()
	for _, c := range cs {
		needs, ok := want[c.ID]
		if !ok {
			t.Fatalf("unexpected check %s", c.ID)
		}
		if strings.Join(c.Needs, ",") != strings.Join(needs, ",") {
			t.Errorf("%s needs %v", c.ID, c.Needs)
		}
		if c.Step == "" || c.Run == nil || c.Applies == nil {
			t.Errorf("%s incomplete", c.ID)
		}
		if c.Applies(steps.Answers{}) {
			t.Errorf("%s applies to no answers", c.ID)
		}
		if got := c.Applies(full); got == (c.ID == "line.webhook.set") {
			t.Errorf("%s applies %v with set_webhook false", c.ID, got)
		}
	}
	full["flow.line.set_webhook"] = "true"
	if !chktCheck(t, "line.webhook.set").Applies(full) {
		t.Error("line.webhook.set does not apply with consent")
	}
	if c := chktCheck(t, "line.webhook.test"); !c.Once {
		t.Error("line.webhook.test is not Once")
	}
	if c := chktCheck(t, "line.webhook.active"); c.Timeout < 70*time.Second {
		t.Errorf("line.webhook.active timeout %v", c.Timeout)
	}
}

// TestAllPass walks every check against the sandbox account: all green.
func TestAllPass(t *testing.T) {
	r := chktNewRig(t, nil)
	r.env.Answers["flow.line.set_webhook"] = "true"
	for _, id := range []string{"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.webhook.set", "line.webhook.active", "line.webhook.test", "line.login.secret"} {
		res := r.run(t, id, 0)
		chktExpect(t, res, verify.Pass, "")
	}
	// LINE tells no anonymous visitor whether a callback URL is registered: cannot tell.
	chktExpect(t, r.run(t, "line.login.callback", 0), verify.Warn, "line.callback", "Cannot tell", "分かりません")
	if r.env.Answers.Get("line.messaging_api.channel_id") != sample.ChannelID {
		t.Fatalf("channel ID not learnt: %v", r.env.Answers)
	}
	if r.env.Answers.Get("flow.line.basic_id") != sample.BasicID {
		t.Fatalf("basic ID not learnt")
	}
	if r.emu.Requests("/v2/oauth/accessToken") != 0 {
		t.Fatal("the short-lived token API was called")
	}
	if r.emu.WebhookTests() != 1 {
		t.Fatalf("webhook tests %d", r.emu.WebhookTests())
	}
}

func TestTokenAndSecret(t *testing.T) {
	r := chktNewRig(t, nil, "wrong_token")
	chktExpect(t, r.run(t, "line.token", 0), verify.Fail, "line.collect", "not valid", "Messaging API", "HTTP 400")

	r = chktNewRig(t, nil)
	r.env.Answers["line.messaging_api.channel_id"] = "2000000099"
	res := r.run(t, "line.token", 0)
	chktExpect(t, res, verify.Warn, "", sample.ChannelID, "2000000099")
	if res.Learnt["line.messaging_api.channel_id"] != sample.ChannelID {
		t.Fatalf("learnt %v", res.Learnt)
	}

	r = chktNewRig(t, nil, "wrong_secret")
	chktExpect(t, r.run(t, "line.token", 0), verify.Pass, "")
	chktExpect(t, r.run(t, "line.secret", 0), verify.Fail, "line.collect", "does not belong to the channel of this token")

	r = chktNewRig(t, nil, "wrong_login_secret")
	chktExpect(t, r.run(t, "line.login.secret", 0), verify.Fail, "line.collect", "LINE Login channel")
	r.emu.Reset()
	r.env.Answers["line.login.channel_secret"] = "00000000000000000000000000000000"
	chktExpect(t, r.run(t, "line.login.secret", 0), verify.Fail, "line.collect")
}

func TestBot(t *testing.T) {
	r := chktNewRig(t, nil, "chat_off")
	res := r.run(t, "line.bot", 0)
	chktExpect(t, res, verify.Fail, "line.chat_on", "Chat is OFF", "Response settings", "チャット")
	if res.Learnt["flow.line.basic_id"] != sample.BasicID {
		t.Fatalf("learnt %v", res.Learnt)
	}

	r = chktNewRig(t, nil)
	r.env.Answers["line.account_name"] = "Salon Other"
	chktExpect(t, r.run(t, "line.bot", 0), verify.Warn, "", "Salon Other", sample.AccountName)

	r = chktNewRig(t, nil, "wrong_token")
	chktExpect(t, r.run(t, "line.bot", 0), verify.Fail, "line.collect", "refused the channel access token", "HTTP 401")

	// The display name with escape sequences is shown cleaned (chktSound) and compared
	// cleaned: it differs from the account name, so a warning.
	r = chktNewRig(t, nil, "escape_sequences")
	chktExpect(t, r.run(t, "line.bot", 0), verify.Warn, "", sample.AccountName+" Shop")

	a := fakeapi.SampleLINEAccount()
	a.PremiumID = "@salonsbx"
	r = chktNewRig(t, fakeapi.NewLINEAccount(a))
	res = r.run(t, "line.bot", 0)
	chktExpect(t, res, verify.Pass, "")
	if res.Learnt["flow.line.premium_id"] != "@salonsbx" {
		t.Fatalf("premium not learnt: %v", res.Learnt)
	}
	r.env.Answers["line.messaging_api.add_friend_url"] = "https://line.me/R/ti/p/%40salonsbx"
	chktExpect(t, r.run(t, "line.friend_url", 0), verify.Pass, "")
}

func TestFriendURL(t *testing.T) {
	cases := []struct {
		url    string
		status verify.Status
		words  []string
	}{
		{sample.AddFriendURL, verify.Pass, []string{sample.BasicID}},
		{"https://line.me/R/ti/p/%40123sbxab", verify.Pass, nil},
		{"https://line.me/R/ti/p/@123SBXAB", verify.Pass, nil},
		{"https://lin.ee/" + fakeapi.LINEOtherSlug, verify.Fail, []string{"@987othrz", "wrong account"}},
		{"https://line.me/R/ti/p/%40999zzzzz", verify.Fail, []string{"@999zzzzz"}},
		{"https://lin.ee/Unknown1", verify.Warn, []string{"Open it on a phone", "HTTP 404"}},
		{"https://example.com/friend", verify.Fail, []string{"https://lin.ee/"}},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			r := chktNewRig(t, nil)
			r.env.Answers["line.messaging_api.add_friend_url"] = c.url
			r.run(t, "line.bot", 0)
			res := r.run(t, "line.friend_url", 0)
			step := ""
			if c.status == verify.Fail {
				step = "line.collect"
			}
			chktExpect(t, res, c.status, step, c.words...)
		})
	}
	// lin.ee is resolved with one request and the redirect is not followed to line.me.
	r := chktNewRig(t, nil)
	chktExpect(t, r.run(t, "line.friend_url", 0), verify.Pass, "")
	if n := r.emu.Requests("/SbxAbCd"); n != 1 {
		t.Fatalf("lin.ee requests %d", n)
	}
	if n := r.emu.Requests("/v2/bot/info"); n != 1 {
		t.Fatalf("run alone, friend_url asks for the bot's IDs once: %d", n)
	}
	// Short links that cannot be resolved only warn.
	for _, k := range []string{"server_error", "hang"} {
		r := chktNewRig(t, nil)
		r.run(t, "line.bot", 0)
		_ = r.emu.SetKnob(k)
		chktExpect(t, r.run(t, "line.friend_url", 200*time.Millisecond), verify.Warn, "")
	}
}

func TestWebhookSet(t *testing.T) {
	r := chktNewRig(t, nil)
	r.env.Answers["flow.line.set_webhook"] = "true"
	chktExpect(t, r.run(t, "line.webhook.set", 0), verify.Pass, "", sample.WebhookURL)
	if got, _ := r.emu.Webhook(); got != sample.WebhookURL {
		t.Fatalf("saved %q", got)
	}
	r.env.Answers["line.messaging_api.webhook_url"] = "http://cms.example.com/line/webhook"
	chktExpect(t, r.run(t, "line.webhook.set", 0), verify.Fail, "line.webhook", "Invalid webhook endpoint URL")

	r = chktNewRig(t, nil, "wrong_token")
	r.env.Answers["flow.line.set_webhook"] = "true"
	chktExpect(t, r.run(t, "line.webhook.set", 0), verify.Fail, "line.collect")
}

// A proxy or captive portal that answers every call 200 with its own page: no check may
// pass on it, the webhook write (whose body the SDK never reads) included.
func TestCaptivePortalPassesNothing(t *testing.T) {
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, "<html><body>Sign in to the hotel Wi-Fi</body></html>")
	}))
	defer portal.Close()
	r := chktNewRig(t, nil)
	r.env.URLs = verify.BaseURLs{LineAPI: portal.URL, LineAccess: portal.URL, LinEE: portal.URL}
	r.env.Answers["flow.line.set_webhook"] = "true"
	r.env.Answers["line.messaging_api.channel_id"] = "2000000001" // as line.token would learn it
	for _, id := range []string{"line.token", "line.secret", "line.bot", "line.verified", "line.webhook.set", "line.webhook.active", "line.webhook.test", "line.login.secret", "line.login.callback"} {
		if res := r.run(t, id, 0); res.Status == verify.Pass {
			t.Errorf("%s passed on a captive portal's page: %q", id, res.Message.EN)
		}
	}
}

func TestWebhookActive(t *testing.T) {
	// After a set, the check waits out LINE's cache with a countdown.
	r := chktNewRig(t, nil)
	r.emu.SetWebhookDelay(12 * time.Second)
	r.env.Answers["flow.line.set_webhook"] = "true"
	r.run(t, "line.webhook.set", 0)
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Pass, "")
	if len(r.progress) == 0 || r.progress[0].EN != "Waiting for LINE to apply the webhook URL: 60 s left" ||
		!strings.Contains(r.progress[0].JA, "残り60秒") {
		t.Fatalf("progress %v", r.progress)
	}
	if r.clock.Slept() < 12*time.Second || r.clock.Slept() > 20*time.Second {
		t.Fatalf("slept %v", r.clock.Slept())
	}

	// Never applied within a minute.
	r = chktNewRig(t, nil)
	r.emu.SetWebhookDelay(90 * time.Second)
	r.env.Answers["flow.line.set_webhook"] = "true"
	r.run(t, "line.webhook.set", 0)
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Fail, "line.webhook", "after a minute")
	if r.clock.Slept() != 60*time.Second {
		t.Fatalf("slept %v", r.clock.Slept())
	}
	if last := r.progress[len(r.progress)-1].EN; !strings.Contains(last, ": 5 s left") {
		t.Fatalf("last progress %q", last)
	}

	// Use webhook off.
	r = chktNewRig(t, nil, "webhook_inactive")
	r.env.Answers["flow.line.set_webhook"] = "true"
	r.run(t, "line.webhook.set", 0)
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Fail, "line.webhook", `"Use webhook" on`, "Messaging API")

	// Nothing saved and no consent.
	r = chktNewRig(t, nil)
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Fail, "line.webhook", "No webhook URL", "--set-webhook")
	if len(r.progress) != 0 {
		t.Fatal("waited without a set")
	}

	// --set-webhook given, but the operator answered no at the webhook step: nothing was
	// written, so the check neither waits for LINE's cache nor says LINE accepted the URL.
	r = chktNewRig(t, nil)
	r.env.SetWebhook = true
	r.env.Answers["flow.line.set_webhook"] = "false"
	if chktCheck(t, "line.webhook.set").Applies(r.env.Answers) {
		t.Fatal("line.webhook.set applies although the operator said no")
	}
	res := r.run(t, "line.webhook.active", 0)
	chktExpect(t, res, verify.Fail, "line.webhook", "No webhook URL", "--set-webhook")
	if strings.Contains(res.Message.EN, "accepted") || len(r.progress) != 0 || r.clock.Slept() != 0 {
		t.Fatalf("waited %v (progress %v) or claimed a write: %q", r.clock.Slept(), r.progress, res.Message.EN)
	}

	// Another URL saved and no consent.
	a := fakeapi.SampleLINEAccount()
	a.WebhookURL = "https://old-cms.example.net/hook"
	r = chktNewRig(t, fakeapi.NewLINEAccount(a))
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Fail, "line.webhook", "https://old-cms.example.net/hook", "--set-webhook")

	// The right URL saved by hand.
	a.WebhookURL = sample.WebhookURL
	r = chktNewRig(t, fakeapi.NewLINEAccount(a))
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Pass, "")

	// Cancelled while waiting.
	r = chktNewRig(t, nil)
	r.emu.SetWebhookDelay(30 * time.Second)
	r.env.Answers["flow.line.set_webhook"] = "true"
	r.run(t, "line.webhook.set", 0)
	r.env.Sleep = func(ctx context.Context, d time.Duration) error { return context.Canceled }
	chktExpect(t, r.run(t, "line.webhook.active", 0), verify.Error, "")
}

func TestWebhookTest(t *testing.T) {
	cases := []struct {
		knob  string
		words []string
	}{
		{"webhook_test_could_not_connect", []string{"COULD_NOT_CONNECT", "certificate"}},
		{"webhook_test_timeout", []string{"REQUEST_TIMEOUT", "2 seconds"}},
		{"webhook_test_error_status", []string{"ERROR_STATUS_CODE", "HTTP 500", "failed"}},
		{"webhook_test_unclassified", []string{"UNCLASSIFIED"}},
	}
	for _, c := range cases {
		t.Run(c.knob, func(t *testing.T) {
			r := chktNewRig(t, nil, c.knob, "escape_sequences")
			chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Fail, "line.webhook", c.words...)
		})
	}
	r := chktNewRig(t, nil)
	chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Pass, "", sample.WebhookURL)
	r.env.Answers["line.messaging_api.webhook_url"] = "http://cms.example.com/hook"
	chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Fail, "line.webhook")
	for i := 0; i < 60; i++ {
		r.emu.SetKnob("webhook_test_timeout") // no-op after the first; keeps the count going
		r.env.Answers["line.messaging_api.webhook_url"] = sample.WebhookURL
		r.run(t, "line.webhook.test", 0)
	}
	chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Error, "", "60")
}

func TestLoginCallback(t *testing.T) {
	// LINE's real behaviour: every anonymous authorize goes to the login page, registered
	// or not, so the probe cannot tell. It warns, says why, and gives the URL to open.
	for _, knobs := range [][]string{nil, {"callback_unregistered"}, {"login_channel_unknown"}} {
		r := chktNewRig(t, nil, knobs...)
		res := r.run(t, "line.login.callback", 0)
		chktExpect(t, res, verify.Warn, "line.callback", sample.CallbackURL, "Cannot tell", "signed in to LINE", "consent screen",
			"400 Bad Request / Invalid redirect_uri value", "分かりません", "同意画面", "ログインしているブラウザ", "login page")
		c := res.Confirm
		if c == nil || len(c.Answers) != 3 || c.Question.EN == "" || c.Question.JA == "" {
			t.Fatalf("%v: confirmation %+v", knobs, c)
		}
		if !strings.Contains(res.Message.EN, c.URL) || !strings.HasPrefix(c.URL, r.emu.AccessURL()+"/oauth2/v2.1/authorize?") ||
			!strings.Contains(c.URL, "redirect_uri=https%3A%2F%2Fcms.example.com%2Fline%2Fcallback") {
			t.Fatalf("confirm URL %q", c.URL)
		}
		// The operator's answers: consent screen / the CMS pass, the 400 page fails.
		for i, want := range []verify.Status{verify.Pass, verify.Pass, verify.Fail} {
			got := res.Confirmed(i)
			chktSound(t, got)
			if got.Status != want || got.Confirm != nil || !strings.HasPrefix(got.Detail, "confirmed by operator") {
				t.Fatalf("answer %d: %+v", i, got)
			}
			if want == verify.Fail && (got.Step != "line.callback" || !strings.Contains(got.Message.EN, "Callback URL")) {
				t.Fatalf("answer %d: %+v", i, got)
			}
			// A pass the operator gave says so: it must not read as if the wizard had seen it.
			if want == verify.Pass && (!strings.HasPrefix(got.Message.EN, "You confirmed in a browser signed in to LINE that") ||
				!strings.HasPrefix(got.Message.JA, "LINEにログインしたブラウザで") || !strings.Contains(got.Message.JA, "あなたが確認しました")) {
				t.Fatalf("answer %d: the message does not say the operator confirmed it: %+v", i, got.Message)
			}
			// A run after the answer remembers it (the final re-check), for this URL only.
			r2 := chktNewRig(t, nil, knobs...)
			for k, v := range got.Learnt {
				r2.env.Answers[k] = v
			}
			again := r2.run(t, "line.login.callback", 0)
			if want == verify.Pass {
				chktExpect(t, again, verify.Pass, "", "confirmed by operator", "You confirmed in a browser signed in to LINE that", "LINEにログインしたブラウザで", "あなたが確認しました")
				r2.env.Answers["line.login.callback_url"] = "https://cms.example.com/line/other"
				chktExpect(t, r2.run(t, "line.login.callback", 0), verify.Warn, "line.callback")
			} else {
				// What the operator saw stands, and the question is asked again.
				chktExpect(t, again, verify.Fail, "line.callback", "confirmed by operator", "Callback URL")
				if again.Confirm == nil || again.Confirmed(0).Status != verify.Pass {
					t.Fatalf("a reported 400 page cannot be looked at again: %+v", again.Confirm)
				}
				r2.env.Answers["line.login.callback_url"] = "https://cms.example.com/line/other"
				chktExpect(t, r2.run(t, "line.login.callback", 0), verify.Warn, "line.callback")
			}
		}
		if got := res.Confirmed(7); got.Status != verify.Warn {
			t.Fatal("an answer out of range changed the result")
		}
	}

	// The old assumption (LINE judges at once), kept behind a knob: evidence either way.
	r := chktNewRig(t, nil, "authorize_validates_at_once", "callback_unregistered")
	chktExpect(t, r.run(t, "line.login.callback", 0), verify.Fail, "line.callback", sample.CallbackURL, "Callback URL", "LINE Login tab", "コールバックURL")
	r = chktNewRig(t, nil, "authorize_validates_at_once")
	r.env.Answers["line.login.channel_id"] = "1999999999"
	chktExpect(t, r.run(t, "line.login.callback", 0), verify.Fail, "line.collect", "1999999999")
	// A 400 page fails even when the operator had confirmed the URL before.
	r = chktNewRig(t, nil, "authorize_validates_at_once", "callback_unregistered")
	r.env.Answers["flow.line.callback_confirmed"] = sample.LoginChannelID + " " + sample.CallbackURL
	chktExpect(t, r.run(t, "line.login.callback", 0), verify.Fail, "line.callback")
}

func TestTokenV21(t *testing.T) {
	r := chktNewRig(t, nil)
	r.env.Answers["line.messaging_api.channel_access_token"] = fakeapi.LINESampleV21Token
	res := r.run(t, "line.token", 0)
	chktExpect(t, res, verify.Pass, "", "v2.1", sample.ChannelID, "2026-01-31 09:00", "30 days", "あと30日", "expires_in 2592000")
	if r.emu.Requests("/oauth2/v2.1/verify") != 1 || r.emu.Requests("/v2/oauth/verify") != 0 {
		t.Fatalf("verified at the wrong endpoint: v2.1 %d, v2 %d", r.emu.Requests("/oauth2/v2.1/verify"), r.emu.Requests("/v2/oauth/verify"))
	}
	chktExpect(t, r.run(t, "line.bot", 0), verify.Pass, "")

	r = chktNewRig(t, nil, "wrong_token")
	r.env.Answers["line.messaging_api.channel_access_token"] = fakeapi.LINESampleV21Token
	chktExpect(t, r.run(t, "line.token", 0), verify.Fail, "line.collect", "not valid", "HTTP 400", "GET /oauth2/v2.1/verify")

	// A token of another shape is opaque: LINE decides (here: unknown, so 400).
	r = chktNewRig(t, nil)
	r.env.Answers["line.messaging_api.channel_access_token"] = "abc-def_ghi.jkl"
	chktExpect(t, r.run(t, "line.token", 0), verify.Fail, "line.collect", "POST /v2/oauth/verify")
	for _, knob := range []string{"server_error", "bad_json"} {
		r = chktNewRig(t, nil, knob)
		r.env.Answers["line.messaging_api.channel_access_token"] = fakeapi.LINESampleV21Token
		chktExpect(t, r.run(t, "line.token", 0), verify.Error, "")
	}
}

func TestVerified(t *testing.T) {
	r := chktNewRig(t, nil)
	chktExpect(t, r.run(t, "line.verified", 0), verify.Pass, "", "verified", "認証済")
	if r.emu.Requests("/v2/bot/followers/ids") != 1 {
		t.Fatal("followers/ids not asked")
	}
	r = chktNewRig(t, nil, "unverified_account")
	chktExpect(t, r.run(t, "line.verified", 0), verify.Warn, "line.verify_account", "not verified", "grey", "HTTP 403", "グレー", "認証を申請")
	a := fakeapi.SampleLINEAccount()
	a.Verified = false
	r = chktNewRig(t, fakeapi.NewLINEAccount(a))
	chktExpect(t, r.run(t, "line.verified", 0), verify.Warn, "line.verify_account")
	r = chktNewRig(t, nil, "wrong_token")
	chktExpect(t, r.run(t, "line.verified", 0), verify.Fail, "line.collect", "HTTP 401")
	r = chktNewRig(t, nil, "server_error")
	chktExpect(t, r.run(t, "line.verified", 0), verify.Error, "", "500")
}

func TestWebhookTestDiagnosis(t *testing.T) {
	cases := []struct {
		knob  string
		step  string
		words []string
	}{
		{"webhook_test_cms_status=400", "line.cms", []string{"HTTP 400", "another channel secret", "別のチャネルシークレット"}},
		{"webhook_test_cms_status=401", "line.cms", []string{"HTTP 401", "another channel secret", "CMS step"}},
		{"webhook_test_cms_status=403", "line.cms", []string{"HTTP 403", "signature", "署名"}},
		{"webhook_test_cms_status=404", "line.webhook", []string{"HTTP 404", "path", "パス"}},
		{"webhook_test_cms_status=405", "line.webhook", []string{"HTTP 405", "path of the webhook URL is wrong"}},
		{"webhook_test_cms_status=500", "line.webhook", []string{"HTTP 500", "failed while answering", "CMS側の問題"}},
		{"webhook_test_cms_status=503", "line.webhook", []string{"HTTP 503", "CMS's side"}},
		{"webhook_test_cms_status=302", "line.webhook", []string{"HTTP 302", "instead of 200"}},
		{"webhook_test_could_not_connect", "line.webhook", []string{"COULD_NOT_CONNECT", "unreachable", "certificate", "届きません"}},
		{"webhook_test_timeout", "line.webhook", []string{"REQUEST_TIMEOUT", "slower than 2 seconds", "2秒"}},
		{"webhook_test_unresolvable", "line.webhook", []string{"HTTP 400", "malformed", "does not resolve", "DNS"}},
	}
	for _, c := range cases {
		t.Run(c.knob, func(t *testing.T) {
			r := chktNewRig(t, nil, c.knob)
			chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Fail, c.step, c.words...)
		})
	}
	r := chktNewRig(t, nil, "webhook_test_cms_status=204")
	chktExpect(t, r.run(t, "line.webhook.test", 0), verify.Pass, "", "HTTP 204")
}

// TestCouldNotTell turns each failure of LINE's side on for each check: the result is
// "could not tell" (error), never a pass or a fail about the operator's values.
func TestCouldNotTell(t *testing.T) {
	ids := []string{"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.webhook.set", "line.webhook.active", "line.webhook.test", "line.login.secret", "line.login.callback"}
	for _, knob := range []string{"server_error", "rate_limit", "rate_limit_retry_after", "hang", "bad_json"} {
		for _, id := range ids {
			t.Run(knob+"/"+id, func(t *testing.T) {
				a := fakeapi.SampleLINEAccount()
				a.WebhookURL = sample.WebhookURL
				r := chktNewRig(t, fakeapi.NewLINEAccount(a))
				r.env.Answers["flow.line.set_webhook"] = "true"
				r.env.Answers["line.messaging_api.channel_id"] = sample.ChannelID
				r.env.Answers["flow.line.basic_id"] = sample.BasicID
				if err := r.emu.SetKnob(knob); err != nil {
					t.Fatal(err)
				}
				want := verify.Error
				switch {
				case id == "line.friend_url" && knob == "bad_json":
					want = verify.Pass // lin.ee answers a redirect, not JSON
				case id == "line.friend_url":
					want = verify.Warn // a short link that cannot be resolved only warns
				case id == "line.login.callback" && knob == "bad_json":
					want = verify.Warn // the authorize page is not JSON: LINE's login page, cannot tell
				case id == "line.webhook.set" && knob == "bad_json":
					want = verify.Pass // LINE's 200 is the answer; its body carries nothing
				}
				res := r.run(t, id, 300*time.Millisecond)
				chktExpect(t, res, want, "")
				if want == verify.Error && res.Step != "" {
					t.Fatalf("could-not-tell names step %s", res.Step)
				}
				if want == verify.Error && res.Detail == "" {
					t.Fatal("no detail")
				}
				switch knob {
				case "server_error":
					if want == verify.Error && !strings.Contains(res.Detail, "500") {
						t.Fatalf("detail %q", res.Detail)
					}
				case "rate_limit", "rate_limit_retry_after":
					if want == verify.Error && !strings.Contains(res.Detail, "429") {
						t.Fatalf("detail %q", res.Detail)
					}
				case "bad_json":
					if want == verify.Error && !strings.Contains(res.Detail, "not valid JSON") {
						t.Fatalf("detail %q", res.Detail)
					}
				case "hang":
					if want == verify.Error && !strings.Contains(res.Message.EN, "in time") {
						t.Fatalf("message %q", res.Message.EN)
					}
				}
			})
		}
	}
}

// TestRetryAfterFirstFailures: the knobs that fail only the first calls give a pass on a
// later try, as the runner's retries would make.
func TestRetryAfterFirstFailures(t *testing.T) {
	for _, knob := range []string{"server_error_once", "rate_limit", "rate_limit_retry_after"} {
		r := chktNewRig(t, nil, knob)
		var res verify.Result
		for i := 0; i < 3; i++ {
			if res = r.run(t, "line.token", 0); res.Status != verify.Error {
				break
			}
		}
		chktExpect(t, res, verify.Pass, "")
	}
	r := chktNewRig(t, nil, "latency=20ms")
	chktExpect(t, r.run(t, "line.bot", 0), verify.Pass, "")
}

// TestUnreachable: nothing listens at the API address.
func TestUnreachable(t *testing.T) {
	emu := fakeapi.NewLINE()
	r := chktNewRig(t, emu)
	emu.Close()
	for _, id := range []string{"line.token", "line.bot", "line.verified", "line.login.callback"} {
		chktExpect(t, r.run(t, id, 0), verify.Error, "", "Could not reach LINE")
	}
	r.env.URLs.LineAPI = "::not a url"
	chktExpect(t, r.run(t, "line.token", 0), verify.Error, "", "SETUP_WIZARD_LINE_API_URL")
}

// TestEscapeSequencesNeverReachResults runs every check while the emulator slips escape
// sequences and bells into the texts it answers with (chktSound checks each result).
func TestEscapeSequencesNeverReachResults(t *testing.T) {
	for _, extra := range []string{"webhook_test_error_status", "webhook_test_could_not_connect", "chat_off"} {
		r := chktNewRig(t, nil, "escape_sequences", extra)
		r.env.Answers["flow.line.set_webhook"] = "true"
		for _, c := range line.Checks() {
			r.run(t, c.ID, 0)
		}
	}
}

package plain

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// The real LINE flows and checks against the LINE emulator, on an injected clock.

func lineSuite(t *testing.T) (*verify.Suite, *fakeapi.LINE) {
	t.Helper()
	emu := fakeapi.NewLINE()
	t.Cleanup(emu.Close)
	clock := fakeapi.NewClock(time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC))
	emu.SetClock(clock.Now)
	return &verify.Suite{
		Checks: line.Checks(),
		Env: verify.Env{
			HTTP:  &http.Client{},
			URLs:  verify.BaseURLs{LineAPI: emu.APIURL(), LineAccess: emu.AccessURL(), LinEE: emu.LinEEURL()},
			Now:   clock.Now,
			Sleep: clock.Sleep,
		},
	}, emu
}

// lineAnswers is an answers file for the first-time flow, secrets as from the environment.
func lineAnswers() steps.Answers {
	return steps.Answers{
		"line.account_name":                       sample.AccountName,
		"line.provider_name":                      sample.ProviderName,
		"line.policy.privacy_policy_url":          sample.PrivacyPolicyURL,
		"line.policy.terms_url":                   sample.TermsURL,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
	}
}

var lineSecrets = []string{sample.ChannelAccessToken, sample.ChannelSecret, sample.LoginChannelSecret}

func noLineSecret(t *testing.T, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		for _, s := range lineSecrets {
			if strings.Contains(o, s) {
				t.Fatalf("a secret reached the output:\n%s", o)
			}
		}
	}
}

// Without --set-webhook the webhook URL is not written: LINE has none, the run fails
// with a hint naming --set-webhook and nothing is saved. With it, everything passes.
func TestNonInteractiveLINESetWebhookOnlyWhenAllowed(t *testing.T) {
	t.Run("not allowed", func(t *testing.T) {
		suite, emu := lineSuite(t)
		s, fs := newSession(t, line.FlowNew(), lineAnswers(), steps.EN)
		s.Checker = suite
		o, out, errb := streams("")
		err := RunNonInteractive(context.Background(), s, o)
		var code *wizard.ExitCodeError
		if !errors.As(err, &code) || code.Code != 3 {
			t.Fatalf("err = %v\n%s\n%s", err, out.String(), errb.String())
		}
		if got := emu.Requests("/v2/bot/channel/webhook/endpoint"); got == 0 {
			t.Errorf("the webhook was not read")
		}
		if ep, _ := emu.Webhook(); ep != "" {
			t.Errorf("webhook URL written without --set-webhook: %q", ep)
		}
		if !strings.Contains(out.String(), "--set-webhook") || !strings.Contains(out.String(), "line.webhook.active") {
			t.Errorf("report lacks the hint:\n%s", out.String())
		}
		if fs.calls != 0 {
			t.Errorf("config saved after a failed check")
		}
		noLineSecret(t, out.String(), errb.String())
	})
	t.Run("allowed", func(t *testing.T) {
		suite, emu := lineSuite(t)
		a := lineAnswers()
		a[line.FlowSetWebhook] = "true" // what --set-webhook sets
		s, fs := newSession(t, line.FlowNew(), a, steps.JA)
		s.Checker = suite
		o, out, errb := streams("")
		if err := RunNonInteractive(context.Background(), s, o); err != nil {
			t.Fatalf("err = %v\n%s\n%s", err, out.String(), errb.String())
		}
		if ep, active := emu.Webhook(); ep != sample.WebhookURL || !active {
			t.Errorf("webhook = %q %v", ep, active)
		}
		if fs.calls != 1 || fs.answers[0].Get("line.messaging_api.channel_id") != sample.ChannelID {
			t.Fatalf("saves %d, answers %v", fs.calls, fs.answers)
		}
		ids := map[string]verify.Status{}
		for _, r := range fs.results[0] {
			ids[r.ID] = r.Status
		}
		for _, id := range []string{"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.webhook.set", "line.webhook.active", "line.webhook.test", "line.login.secret"} {
			if ids[id] != verify.Pass {
				t.Errorf("%s: %q\n%s", id, ids[id], out.String())
			}
		}
		// LINE tells only a signed-in visitor whether the callback URL is registered.
		if ids["line.login.callback"] != verify.Warn {
			t.Errorf("line.login.callback: %q", ids["line.login.callback"])
		}
		noLineSecret(t, out.String(), errb.String())
	})
}

// The first-time LINE flow walked with answers piped, live checks against the emulator.
func TestAccessibleLINEFlowNew(t *testing.T) {
	for _, tc := range []struct {
		name, answer, want string
		status             verify.Status
	}{
		{"input ends: the warning stays", "", "warning: line.login.callback: Cannot tell", verify.Warn},
		{"consent screen seen", "1", "OK: line.login.callback: You confirmed in a browser signed in to LINE that the callback URL https://cms.example.com/line/callback is registered", verify.Pass},
		{"the CMS reached", "2", "OK: line.login.callback", verify.Pass},
		{"400 page seen", "3", "FAILED: line.login.callback: LINE does not know the callback URL", verify.Fail},
	} {
		t.Run(tc.name, func(t *testing.T) { accessibleLINEFlowNew(t, tc.answer, tc.want, tc.status) })
	}
}

func accessibleLINEFlowNew(t *testing.T, answer, want string, status verify.Status) {
	flow := line.FlowNew()
	suite, emu := lineSuite(t)
	s, fs := newSession(t, flow, nil, steps.EN)
	s.Checker = suite
	draft := withDraft(t, s)
	in := lines(
		sample.AccountName, "n", "n", // intro: no account yet, not verified
		"y", // create the OA
		"y", // request verification
		"y", // Chat on
		"y", // LINE Developers
		sample.ProviderName, "y",
		sample.PrivacyPolicyURL, sample.TermsURL, "y",
		"y", // Login channel
		"<", // back from "publish" to the Login channel step
		"",  // its confirmation is kept
		"y", // publish
		sample.ChannelAccessToken, sample.ChannelSecret, sample.AddFriendURL, sample.LoginChannelID, sample.LoginChannelSecret,
		"y",                   // CMS
		sample.WebhookURL, "", // webhook, consent kept at yes
		sample.CallbackURL,
	)
	if answer != "" {
		in = lines(strings.TrimSuffix(in, "\n"), answer, "n") // "n": do not go back after a failure
	}
	o, out, errb := streams(in)
	err := RunAccessible(context.Background(), s, o)
	var code *wizard.ExitCodeError
	if status == verify.Fail {
		// A failure the operator reported is a failed check: exit code 3, as any other.
		if !errors.As(err, &code) || code.Code != 3 {
			t.Fatalf("err = %v, want exit code 3\n%s", err, out.String())
		}
	} else if err != nil {
		t.Fatalf("err = %v\n%s\n%s", err, out.String(), errb.String())
	}
	got := out.String()
	end := "All steps are done."
	if status == verify.Fail {
		end = "Finished with 1 problem: line.login.callback"
	}
	for _, w := range []string{
		"Step 1 of 13: Connect LINE",
		"Step 8 of 13: Create the LINE Login channel",
		"Important: Publishing cannot be undone",
		"https://developers.line.biz/console/",
		"Channel access token (long-lived) (not shown as you type): ",
		"OK: line.token",
		"OK: line.webhook.test",
		"line.login.callback: Open the address in a browser where you are signed in to LINE. What did LINE show?",
		"/oauth2/v2.1/authorize?client_id=2000000002&redirect_uri=https%3A%2F%2Fcms.example.com%2Fline%2Fcallback",
		"1) A consent screen",
		want,
		end,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
	// Asked once: an answer settles it, and a question left for now is not asked again
	// by the final run; a reported 400 page is asked again at the end (after a fix in
	// the console the operator can say so).
	wantAsked := 1
	if status == verify.Fail {
		wantAsked = 2
	}
	if n := strings.Count(got, "What did LINE show?"); n != wantAsked {
		t.Errorf("the question was asked %d times, want %d:\n%s", n, wantAsked, got)
	}
	if n := strings.Count(got, "Step 8 of 13"); n != 2 {
		t.Errorf("Login channel step shown %d times, want 2", n)
	}
	noLineSecret(t, got, errb.String())
	if fs.calls != 2 {
		t.Fatalf("saves: %d", fs.calls)
	}
	final := fs.answers[1]
	if final.Get("line.messaging_api.channel_id") != sample.ChannelID || final.Get("line.login.callback_url") != sample.CallbackURL {
		t.Errorf("final answers: %v", final)
	}
	if len(fs.results[1]) != 10 {
		t.Errorf("%d results saved, want 10", len(fs.results[1]))
	}
	for _, r := range fs.results[1] {
		if r.ID == "line.login.callback" {
			if r.Status != status || (answer != "") != strings.HasPrefix(r.Detail, "confirmed by operator") {
				t.Errorf("saved %s %q", r.Status, r.Detail)
			}
		}
	}
	if ep, _ := emu.Webhook(); ep != sample.WebhookURL {
		t.Errorf("webhook not written with consent: %q", ep)
	}
	if fileExists(draft.Path) {
		t.Errorf("draft left behind")
	}
}

package line_test

import (
	"context"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// TestSuiteOverlapsIndependentChecks runs the LINE checks through the real runner and
// client against the emulator holding every request: the checks that need nothing
// (token, bot, Login secret, callback probe, webhook set) must be in flight together, as
// the emulator's count of concurrent requests shows, and the dependent ones follow.
func TestSuiteOverlapsIndependentChecks(t *testing.T) {
	em := fakeapi.NewLINE()
	defer em.Close()
	if err := em.SetKnob("latency=300ms"); err != nil {
		t.Fatal(err)
	}
	suite := &verify.Suite{
		Checks: line.Checks(),
		Env: verify.Env{
			HTTP: verify.NewHTTPClient(verify.HTTPOptions{Version: "test"}),
			URLs: verify.BaseURLs{LineAPI: em.APIURL(), LineAccess: em.AccessURL(), LinEE: em.LinEEURL()},
		},
	}
	results := suite.RunAll(context.Background(), steps.Answers{
		"line.account_name":                       sample.AccountName,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
		"flow.line.set_webhook":                   "true",
	}, nil)
	for _, r := range results {
		want := verify.Pass
		if r.ID == "line.login.callback" {
			want = verify.Warn // LINE tells only signed-in visitors
		}
		if r.Status != want {
			t.Errorf("%s: %s (%s)", r.ID, r.Status, r.Detail)
		}
	}
	if len(results) != 10 {
		t.Errorf("%d results, want all 10 LINE checks", len(results))
	}
	// token, bot, login.secret, login.callback and webhook.set start at once.
	if got := em.MaxConcurrent(); got < 5 {
		t.Errorf("at most %d requests were in flight together; the 5 independent checks should overlap", got)
	}
}

// Package bench measures the budgets of DESIGN.md: a full LINE verify against the emulator
// with every answer delayed, and the start-up of the real binary. Run with bench/run.sh
// or `go test -bench . -run '^$' ./bench/`.
package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// lineAnswers is a complete first-time LINE setup with consent to set the webhook.
func lineAnswers() steps.Answers {
	return steps.Answers{
		"line.flow":         "new",
		"line.account_name": sample.AccountName,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
		"flow.line.set_webhook":                   "true",
	}
}

// longestChain is the number of API calls that must follow one another in a full LINE
// verify: webhook set → read back → test.
const longestChain = 3

// BenchmarkLINEVerify reports wall time ÷ (longest dependency chain × L) as "ratio"; the
// budget is 1.2. Independent checks overlap, so the chain alone sets the pace.
func BenchmarkLINEVerify(b *testing.B) {
	for _, lat := range []time.Duration{20 * time.Millisecond, 100 * time.Millisecond} {
		b.Run(fmt.Sprintf("L=%v", lat), func(b *testing.B) {
			em := fakeapi.NewLINE()
			defer em.Close()
			if err := em.SetKnob("latency=" + lat.String()); err != nil {
				b.Fatal(err)
			}
			env := verify.Env{
				HTTP: verify.NewHTTPClient(verify.HTTPOptions{Version: "bench"}),
				URLs: verify.BaseURLs{LineAPI: em.APIURL(), LineAccess: em.AccessURL(), LinEE: em.LinEEURL()},
			}
			var total time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				// A new suite each time: a suite makes the webhook test once only.
				suite := &verify.Suite{Checks: line.Checks(), Env: env}
				start := time.Now()
				results := suite.RunAll(context.Background(), lineAnswers(), nil)
				total += time.Since(start)
				for _, r := range results {
					// The callback check cannot tell without a signed-in browser: a warning.
					if r.Status != verify.Pass && r.Status != verify.Warn {
						b.Fatalf("%s: %s %s", r.ID, r.Status, r.Detail)
					}
				}
				em.Reset()
				_ = em.SetKnob("latency=" + lat.String())
			}
			b.ReportMetric(float64(total)/float64(b.N)/float64(longestChain*lat), "ratio")
		})
	}
}

package verify

import (
	"context"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
)

// An API that quotes the token back (whole, cut, spliced with zero-width or bidi
// characters, JSON-escaped) never gets it into a result: message, detail and the events
// the front ends draw, nor the --json report, the text report or the config's
// verification block built from them. Before the one redaction point, detail carried it.
func TestResultsNeverCarryEchoedSecrets(t *testing.T) {
	const tok = "djdHWlNKYdRqGiBsDwjVrNWyp8jO+GfTfvXYvWUz/uJ07twBEHW74pwJaFpJr+Kf0="
	echoes := []string{
		tok,
		tok[:10] + "\u200b" + tok[10:],
		tok[:20] + "\u202e" + tok[20:40] + "\u2066" + tok[40:],
		strings.ReplaceAll(strings.ReplaceAll(tok, "+", `\u002b`), "/", `\/`),
		tok[3:25],
		"\x1b[31m" + tok[:15] + "\x1b[0m" + tok[15:],
	}
	var checks []Check
	var ids []string
	for i, e := range echoes {
		e := e
		id := "t.echo" + string(rune('a'+i))
		ids = append(ids, id)
		checks = append(checks, Check{ID: id, Step: "t.collect", Run: func(ctx context.Context, env *Env) Result {
			env.Progress(id, steps.T("waiting "+e, "待機 "+e))
			return Result{Status: Fail, Message: steps.T("LINE said: "+e, "LINE: "+e), Detail: `{"message":"` + e + `"}`}
		}})
	}
	s := &Suite{Checks: checks}
	var log eventLog
	results := s.Run(context.Background(), ids, steps.Answers{"line.messaging_api.channel_access_token": tok}, log.emit)

	var all strings.Builder
	for _, r := range results {
		all.WriteString(r.Message.EN + "\n" + r.Message.JA + "\n" + r.Detail + "\n")
	}
	for _, e := range log.events {
		all.WriteString(e.Message.EN + e.Message.JA + e.Result.Detail + e.Result.Message.EN + "\n")
	}
	_ = WriteJSON(&all, ReportMeta{}, results, steps.EN)
	_ = WriteText(&all, results, steps.JA)
	for _, r := range ConfigResults(results, steps.EN) {
		all.WriteString(r.Message + r.Detail + "\n")
	}
	out := all.String()
	if n := strings.Count(out, redact.Redacted); n < len(echoes) {
		t.Errorf("only %d masks in:\n%s", n, out)
	}
	for i := 0; i+redact.Run <= len(tok); i++ {
		if piece := tok[i : i+redact.Run]; strings.Contains(redact.StripLine(strings.NewReplacer(`\u002b`, "+", `\/`, "/").Replace(out)), piece) {
			t.Fatalf("%q of the token reached the output:\n%s", piece, out)
		}
	}
}

// A check that panics with a secret in its value reports the panic without the secret.
func TestPanicResultMasksSecrets(t *testing.T) {
	const secret = "5b9e0c7d1a2f4e6b8c0d2e4f6a8b0c1d"
	s := &Suite{Checks: []Check{{ID: "t.boom", Run: func(context.Context, *Env) Result {
		panic("bad value " + secret[:16] + "\u200d" + secret[16:])
	}}}}
	r := s.Run(context.Background(), []string{"t.boom"}, steps.Answers{"line.messaging_api.channel_secret": secret}, nil)
	if len(r) != 1 || r[0].Status != Error || strings.Contains(r[0].Detail, secret[:12]) || !strings.Contains(r[0].Detail, "panicked") {
		t.Errorf("result %+v", r)
	}
}

// A value learnt from an API is kept only when it looks like what it is: a channel ID of
// 20,000 digits, with quotes or letters, ends the check as could-not-tell and is not
// passed on (so never saved). Before, it was saved as is.
func TestLearntValuesValidated(t *testing.T) {
	for v, ok := range map[string]bool{
		"2000000001":               true,
		strings.Repeat("1", 20000): false,
		`12345"; rm -rf /`:         false,
		"12345\n67":                false,
		"１２３４５":                    false,
		"":                         false,
	} {
		s := &Suite{Checks: []Check{
			{ID: "t.learn", Run: func(context.Context, *Env) Result {
				return Result{Status: Pass, Learnt: map[string]string{"line.messaging_api.channel_id": v, "line.basic_id": "@123abcde"}}
			}},
			{ID: "t.use", Needs: []string{"t.learn"}, Run: func(_ context.Context, env *Env) Result {
				return Result{Status: Pass, Detail: env.Answers.Get("line.messaging_api.channel_id")}
			}},
		}}
		r := s.Run(context.Background(), []string{"t.use"}, steps.Answers{}, nil)
		if got := r[0].Status == Pass && r[0].Learnt["line.messaging_api.channel_id"] == v; got != ok {
			t.Errorf("%.30q: kept %t, want %t (%+v)", v, got, ok, r[0])
		}
		if !ok && (r[0].Status != Error || r[1].Status != Skipped || len(r[0].Detail) > 300) {
			t.Errorf("%.30q: %+v / %+v", v, r[0], r[1])
		}
	}
	if learntProblem("line.basic_id", strings.Repeat("a", 65)) == "" || learntProblem("line.basic_id", `@a"b`) == "" || learntProblem("line.basic_id", "@123abcde") != "" {
		t.Error("learntProblem for other keys")
	}
}

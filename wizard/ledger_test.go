package wizard_test

import (
	"slices"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// ledgerFlow: values collected on one step, a console step a check sends back to, and a
// hand-over step.
func ledgerFlow() *steps.Flow {
	return &steps.Flow{
		ID: "ledger", Provider: "line",
		Learnt: map[string]steps.Text{"line.messaging_api.channel_id": steps.T("Channel ID", "チャネルID")},
		Steps: []*steps.Step{
			{ID: "s.console", Confirm: steps.T("Done", "済み")},
			{ID: "s.collect", Fields: []steps.Field{
				{Key: "line.messaging_api.channel_access_token", Kind: steps.KindSecret, Label: steps.T("Token", "トークン")},
				{Key: "line.messaging_api.channel_secret", Kind: steps.KindSecret, Label: steps.T("Secret", "シークレット")},
			}, Checks: []string{"c.token", "c.secret", "c.bot", "c.undeclared"}},
			{ID: "s.cms", Handover: true, Confirm: steps.T("Pasted", "貼った")},
		},
	}
}

// decls declares the checks as verify.Suite would.
type decls map[string]verify.Check

func (d decls) Declared(id string) (verify.Check, bool) { c, ok := d[id]; return c, ok }

func ledgerDecls() decls {
	return decls{
		"c.token":  {ID: "c.token", Step: "s.collect", Reads: []string{"line.messaging_api.channel_access_token"}},
		"c.secret": {ID: "c.secret", Step: "s.collect", Needs: []string{"c.token"}, Reads: []string{"line.messaging_api.channel_access_token", "line.messaging_api.channel_secret"}},
		"c.bot":    {ID: "c.bot", Step: "s.console", Reads: []string{"line.messaging_api.channel_access_token"}},
	}
}

func newLedger(t *testing.T) (*wizard.Engine, *wizard.Ledger) {
	t.Helper()
	e := wizard.New(ledgerFlow(), steps.Answers{
		"line.messaging_api.channel_access_token": "tok",
		"line.messaging_api.channel_secret":       "sec",
	})
	l := e.Ledger()
	l.Declare(ledgerDecls())
	return e, l
}

func TestLedgerTargetsProblemsAndExitCode(t *testing.T) {
	_, l := newLedger(t)
	l.Start([]string{"c.token", "c.secret", "c.bot", "c.undeclared"}, "s.collect")
	if n, total := l.Progress(); n != 1 || total != 4 {
		t.Errorf("progress %d of %d, want 1 of 4", n, total)
	}
	results := []verify.Result{
		{ID: "c.token", Status: verify.Pass, Learnt: map[string]string{"line.messaging_api.channel_id": "2000000001"}},
		{ID: "c.secret", Status: verify.Fail},                 // names no step: its declared one
		{ID: "c.bot", Status: verify.Error},                   // could not tell: its declared step
		{ID: "c.undeclared", Status: verify.Fail, Step: "no"}, // a step that does not exist: the one that runs it
	}
	l.Ended([]string{"c.token", "c.secret", "c.bot", "c.undeclared"}, results, "s.collect")
	for id, want := range map[string]string{"c.secret": "s.collect", "c.bot": "s.console", "c.undeclared": "s.collect"} {
		if got := l.Target(id); got != want {
			t.Errorf("Target(%s) = %q, want %q", id, got, want)
		}
	}
	var ids []string
	for _, p := range l.Problems() {
		ids = append(ids, p.Result.ID)
	}
	if !slices.Equal(ids, []string{"c.bot", "c.secret", "c.undeclared"}) {
		t.Errorf("problems %v, want them in step order", ids)
	}
	if l.ExitCode() != wizard.ExitCheckFailed || l.Done() {
		t.Errorf("exit %d done %v, want 3 and not done", l.ExitCode(), l.Done())
	}
	if !l.Stops(results) {
		t.Error("failures do not stop the walk")
	}
	l.Accept()
	if l.Stops(results) {
		t.Error("failures the operator chose to go on with stop the walk again")
	}
	if !l.Stops([]verify.Result{{ID: "c.token", Status: verify.Fail}}) {
		t.Error("a new failure does not stop the walk")
	}
	if got := l.Recheck("s.console"); !slices.Equal(got, []string{"c.bot"}) {
		t.Errorf("Recheck(s.console) = %v", got)
	}
	l.Record(verify.Result{ID: "c.secret", Status: verify.Pass}, "")
	l.Record(verify.Result{ID: "c.undeclared", Status: verify.Pass}, "")
	if l.ExitCode() != wizard.ExitUnreachable {
		t.Errorf("exit %d with only an error left, want 4", l.ExitCode())
	}
	l.Record(verify.Result{ID: "c.bot", Status: verify.Warn}, "")
	if l.ExitCode() != wizard.ExitOK || !l.Done() {
		t.Errorf("exit %d done %v with passes and a warning, want 0 and done", l.ExitCode(), l.Done())
	}
}

func TestLedgerStaleMarks(t *testing.T) {
	e, l := newLedger(t)
	for _, id := range []string{"c.token", "c.secret", "c.bot"} {
		l.Record(verify.Result{ID: id, Status: verify.Pass}, "s.collect")
	}
	e.Set("line.messaging_api.channel_secret", "sec") // the same value: nothing is stale
	if got := l.Stale(); len(got) != 0 {
		t.Errorf("stale after setting the same value: %v", got)
	}
	e.Set("line.messaging_api.channel_secret", "other")
	if got := l.Stale(); !slices.Equal(got, []string{"c.secret"}) {
		t.Errorf("stale after a new secret: %v, want [c.secret]", got)
	}
	e.Set("line.messaging_api.channel_access_token", "tok2")
	if got := l.Stale(); !slices.Equal(got, []string{"c.token", "c.secret", "c.bot"}) {
		t.Errorf("stale after a new token: %v, want every check that reads it", got)
	}
	if l.Done() {
		t.Error("the walk is done while results are stale")
	}
	l.Record(verify.Result{ID: "c.token", Status: verify.Pass}, "")
	if got := l.Stale(); slices.Contains(got, "c.token") {
		t.Errorf("a result given again is still stale: %v", got)
	}
}

func TestHandoverRows(t *testing.T) {
	e, l := newLedger(t)
	l.Record(verify.Result{ID: "c.token", Status: verify.Pass, Learnt: map[string]string{"line.messaging_api.channel_id": "2000000001"}}, "s.collect")
	l.Record(verify.Result{ID: "c.secret", Status: verify.Fail}, "s.collect")
	if e.Next() != nil || e.Next() != nil {
		t.Fatal("cannot walk to the hand-over step")
	}
	rows := e.Handover(e.Current())
	got := map[string]wizard.HandoverRow{}
	for _, r := range rows {
		got[r.Key] = r
	}
	if r := got["line.messaging_api.channel_secret"]; !r.Wrong || !r.Secret {
		t.Errorf("secret row %+v: want it marked wrong (its check failed) and secret", r)
	}
	if r := got["line.messaging_api.channel_access_token"]; r.Wrong {
		t.Errorf("token row %+v: its own check passed, it is not wrong", r)
	}
	if r := got["line.messaging_api.channel_id"]; !r.Learnt || r.Value != "2000000001" || r.Label.EN != "Channel ID" {
		t.Errorf("learnt channel ID row %+v", r)
	}
}

// TestVisitReturnsWhereItBegan: going to a step a failure names and passing it returns to
// where the operator was, the end included.
func TestVisitReturnsWhereItBegan(t *testing.T) {
	e, _ := newLedger(t)
	e.Set("flow.done.s.console", "true")
	if e.Next() != nil || e.Next() != nil {
		t.Fatal("cannot walk to the hand-over step")
	}
	if !e.Visit("s.console") || !e.Visiting() {
		t.Fatal("Visit refused")
	}
	e.Next()
	if cur := e.Current(); cur == nil || cur.ID != "s.cms" || e.Visiting() {
		t.Errorf("after the visit at %v, want back at s.cms", cur)
	}
	e.Set("flow.done.s.cms", "true")
	e.Next()
	if !e.Finished() {
		t.Fatal("not finished")
	}
	e.Visit("s.collect")
	e.Next()
	if !e.Finished() {
		t.Errorf("a visit from the end does not return to the end: at %v", e.Current())
	}
}

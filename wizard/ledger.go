package wizard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Declarations tells the ledger how a check is declared: the step it belongs to and the
// values it reads. A Checker built on verify.Suite has it.
type Declarations interface {
	Declared(id string) (verify.Check, bool)
}

// Entry is what the walk knows of one live check.
type Entry struct {
	ID       string
	Origin   string         // the step whose passing ran it
	Queued   bool           // asked for, waiting for the checks it needs
	Running  bool           // started and not finished
	Progress steps.Text     // a long wait's last word
	Result   *verify.Result // the latest result; nil before the first one
	Stale    bool           // a value it reads changed since that result
}

// Ledger is what the walk knows of its live checks: the latest result of each, which are
// stale, the step each failure sends the operator to, whether the walk may end and with
// which exit code. Both front ends draw it; neither keeps its own.
type Ledger struct {
	e     *Engine
	decl  Declarations
	by    map[string]*Entry
	order []string
	// accepted holds the failures the operator explicitly chose to go on with ("continue
	// anyway"), by check and status, so that a new failure stops the walk again.
	accepted map[string]verify.Status
	// batch holds the checks of the runs under way, finished ones included, for
	// "Checking 2 of 9"; it empties when nothing runs.
	batch map[string]bool
}

func newLedger(e *Engine) *Ledger { return &Ledger{e: e, by: map[string]*Entry{}} }

// Declare gives the ledger the checks' declarations (nil: none known).
func (l *Ledger) Declare(d Declarations) { l.decl = d }

func (l *Ledger) declared(id string) (verify.Check, bool) {
	if l.decl == nil {
		return verify.Check{}, false
	}
	return l.decl.Declared(id)
}

func (l *Ledger) entry(id, origin string) *Entry {
	en := l.by[id]
	if en == nil {
		en = &Entry{ID: id}
		l.by[id] = en
		l.order = append(l.order, id)
	}
	if en.Origin == "" {
		en.Origin = origin
	}
	return en
}

// Start records that checks ids are about to run for step origin ("" for the last run
// of every check): each is queued until the runner starts it (a check waiting for
// another, or one that will not run, never shows as running).
func (l *Ledger) Start(ids []string, origin string) {
	for _, id := range ids {
		en := l.entry(id, origin)
		en.Queued, en.Progress = true, steps.Text{}
		l.inBatch(id)
	}
}

func (l *Ledger) inBatch(id string) {
	if l.batch == nil {
		l.batch = map[string]bool{}
	}
	l.batch[id] = true
}

// Apply records one event of a run.
func (l *Ledger) Apply(ev verify.Event, origin string) {
	switch ev.Kind {
	case verify.Started:
		en := l.entry(ev.ID, origin)
		en.Running, en.Queued = true, false
		l.inBatch(ev.ID)
	case verify.Progress:
		en := l.entry(ev.ID, origin)
		en.Running, en.Queued, en.Progress = true, false, ev.Message
	case verify.Finished:
		l.Record(ev.Result, origin)
	}
}

// Record keeps r as the latest result of its check; learnt values go into the answers.
func (l *Ledger) Record(r verify.Result, origin string) {
	en := l.entry(r.ID, origin)
	rr := r
	en.Result, en.Running, en.Queued, en.Stale, en.Progress = &rr, false, false, false, steps.Text{}
	if len(r.Learnt) > 0 {
		l.e.Learn(r.Learnt)
	}
}

// RecordEarlier keeps r, a result from an earlier run (a customer's file being replayed),
// as the latest of its check, marked stale: it is shown, never taken as current, and the
// check runs again when the walk moves on.
func (l *Ledger) RecordEarlier(r verify.Result) {
	l.Record(r, r.Step)
	l.by[r.ID].Stale = true
}

// Ended closes a run: its results are recorded (the runner's list is the last word) and a
// check that never got one (the runner left it out: it does not apply) stops running.
func (l *Ledger) Ended(ids []string, results []verify.Result, origin string) {
	got := map[string]bool{}
	for _, r := range results {
		got[r.ID] = true
		if en := l.by[r.ID]; en == nil || en.Running || en.Queued || en.Result == nil || en.Result.Status != r.Status {
			l.Record(r, origin)
		}
	}
	for _, id := range ids {
		if en := l.by[id]; en != nil && !got[id] && (en.Running || en.Queued) {
			en.Running, en.Queued = false, false
			if en.Result == nil {
				l.forget(id)
			}
		}
	}
}

func (l *Ledger) forget(id string) {
	delete(l.by, id)
	l.order = slices.DeleteFunc(l.order, func(s string) bool { return s == id })
}

// Entries lists every check the walk has run or is running, in the order first seen.
func (l *Ledger) Entries() []Entry {
	out := make([]Entry, 0, len(l.order))
	for _, id := range l.order {
		out = append(out, *l.by[id])
	}
	return out
}

// Entry is what is known of check id.
func (l *Ledger) Entry(id string) (Entry, bool) {
	en := l.by[id]
	if en == nil {
		return Entry{}, false
	}
	return *en, true
}

// Results are the latest results, in the order the checks were first seen.
func (l *Ledger) Results() []verify.Result {
	var out []verify.Result
	for _, id := range l.order {
		if r := l.by[id].Result; r != nil {
			out = append(out, *r)
		}
	}
	return out
}

// Running counts the checks under way or waiting to start.
func (l *Ledger) Running() (running int) {
	for _, en := range l.by {
		if en.Running || en.Queued {
			running++
		}
	}
	return running
}

// Progress is where the runs under way stand: the number of the check being waited for
// (finished ones plus one) out of every check of those runs, for "Checking 2 of 9".
// total is 0 when nothing runs.
func (l *Ledger) Progress() (n, total int) {
	if l.Running() == 0 {
		l.batch = nil
		return 0, 0
	}
	for id := range l.batch {
		total++
		if en := l.by[id]; en != nil && !en.Running && !en.Queued {
			n++
		}
	}
	return min(n+1, total), total
}

// Target is the step a non-passing result of check id sends the operator to: the step the
// result names, else the one the check is declared with, else the step that ran it. A
// step that is skipped for the answers gives way to the next of these.
func (l *Ledger) Target(id string) string {
	var cands []string
	if en := l.by[id]; en != nil && en.Result != nil {
		cands = append(cands, en.Result.Step)
	}
	if c, ok := l.declared(id); ok {
		cands = append(cands, c.Step)
	}
	if en := l.by[id]; en != nil {
		cands = append(cands, en.Origin)
	}
	for _, s := range l.e.Flow().Steps {
		if slices.Contains(s.Checks, id) {
			cands = append(cands, s.ID)
		}
	}
	for _, c := range cands {
		if c != "" && l.e.visible(c) {
			return c
		}
	}
	return ""
}

// failing reports whether a result stops the walk: a failure, or an API that could not be
// reached or could not tell.
func failing(r *verify.Result) bool {
	return r != nil && (r.Status == verify.Fail || r.Status == verify.Error)
}

// Problem is a check whose latest result stops the walk, with the step to fix it on.
type Problem struct {
	Result verify.Result
	Step   *steps.Step // nil when no visible step fits
	Number int         // the step's 1-based place among the visible steps
	Stale  bool
}

// Problems lists the checks whose latest result failed or could not tell, in the order of
// the steps they send to.
func (l *Ledger) Problems() []Problem {
	var out []Problem
	vis := l.e.Visible()
	for _, id := range l.order {
		en := l.by[id]
		if !failing(en.Result) {
			continue
		}
		p := Problem{Result: *en.Result, Stale: en.Stale}
		t := l.Target(id)
		for i, s := range vis {
			if s.ID == t {
				p.Step, p.Number = s, i+1
			}
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b Problem) int { return a.Number - b.Number })
	return out
}

// FailingFor lists the checks whose latest result stops the walk and sends to step id.
func (l *Ledger) FailingFor(id string) []string {
	var out []string
	for _, cid := range l.order {
		if failing(l.by[cid].Result) && l.Target(cid) == id {
			out = append(out, cid)
		}
	}
	return out
}

// StepFailed reports whether a check's latest result sends the operator back to step id.
func (l *Ledger) StepFailed(id string) bool { return len(l.FailingFor(id)) > 0 }

// Recheck lists what "check again" on step id runs: the checks that sent the operator
// there, and those that were skipped because a check they need did not pass.
func (l *Ledger) Recheck(id string) []string {
	ids := l.FailingFor(id)
	if len(ids) == 0 {
		return nil
	}
	for _, cid := range l.order {
		if r := l.by[cid].Result; r != nil && r.Status == verify.Skipped && !slices.Contains(ids, cid) {
			ids = append(ids, cid)
		}
	}
	return ids
}

// Stale lists the checks whose latest result was given on values changed since.
func (l *Ledger) Stale() []string {
	var out []string
	for _, id := range l.order {
		if l.by[id].Stale {
			out = append(out, id)
		}
	}
	return out
}

// reads lists the answer keys check id reads: as declared, else the fields of every step
// that runs it.
func (l *Ledger) reads(id string) []string {
	if c, ok := l.declared(id); ok && len(c.Reads) > 0 {
		return c.Reads
	}
	var keys []string
	for _, s := range l.e.Flow().Steps {
		if slices.Contains(s.Checks, id) {
			for _, f := range s.Fields {
				keys = append(keys, f.Key)
			}
		}
	}
	return keys
}

// changed marks stale every result that read key, and every result of a check that needs
// one of those.
func (l *Ledger) changed(key string) {
	mark := map[string]bool{}
	for _, id := range l.order {
		if slices.Contains(l.reads(id), key) {
			mark[id] = true
		}
	}
	for grew := true; grew; {
		grew = false
		for _, id := range l.order {
			if mark[id] {
				continue
			}
			if c, ok := l.declared(id); ok {
				for _, n := range c.Needs {
					if mark[n] {
						mark[id], grew = true, true
						break
					}
				}
			}
		}
	}
	for id := range mark {
		if en := l.by[id]; en.Result != nil {
			en.Stale = true
		}
	}
}

// ProvedWrong reports whether a check's latest result shows the value of key wrong: the
// check reads it, failed, and sends the operator to the step where key is typed; and no
// check that reads it passed.
func (l *Ledger) ProvedWrong(key string) bool {
	_, st, ok := l.e.Flow().Field(key)
	if !ok {
		return false
	}
	wrong := false
	for _, id := range l.order {
		en := l.by[id]
		if en.Result == nil || !slices.Contains(l.reads(id), key) {
			continue
		}
		switch en.Result.Status {
		case verify.Pass:
			return false
		case verify.Fail:
			wrong = wrong || l.Target(id) == st.ID
		}
	}
	return wrong
}

// ExitCode is the walk's exit code (contract): 0 when every check passed or warned, 3 when
// one failed, 4 when an API could not be reached or could not tell.
func (l *Ledger) ExitCode() int { return verify.ExitCode(l.Results()) }

// Done reports whether the walk may say "done": nothing fails, nothing is stale or running.
func (l *Ledger) Done() bool {
	return len(l.Problems()) == 0 && len(l.Stale()) == 0 && l.Running() == 0
}

// Accept records the operator's explicit choice to go on while the checks of Problems
// fail; the end says "finished with problems".
func (l *Ledger) Accept() {
	if l.accepted == nil {
		l.accepted = map[string]verify.Status{}
	}
	for _, p := range l.Problems() {
		l.accepted[p.Result.ID] = p.Result.Status
	}
}

// Accepted reports whether the operator chose to go on while check id failed as it does
// now.
func (l *Ledger) Accepted(id string) bool {
	en := l.by[id]
	st, ok := l.accepted[id]
	return ok && en != nil && en.Result != nil && en.Result.Status == st
}

// Stops reports whether results hold a failure the operator has not chosen to go on
// with: the walk stops there to say which, why and where to fix it.
func (l *Ledger) Stops(results []verify.Result) bool {
	for _, r := range results {
		if failing(&r) && !l.Accepted(r.ID) {
			return true
		}
	}
	return false
}

// AllChecks lists every check of the visible steps, once each, in step order: the last
// run before the end.
func (l *Ledger) AllChecks() []string {
	var ids []string
	for _, s := range l.e.Visible() {
		for _, id := range s.Checks {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// ProblemsError ends a walk that finished while checks fail; it reads as the one or two
// lines the terminal keeps: how many problems, each check with the step to fix it on.
type ProblemsError struct {
	Problems []Problem
	Lang     steps.Lang
}

func (e *ProblemsError) Error() string { return e.Summary(e.Lang) }

// Summary is "Finished with 2 problems: line.bot (step 3 “Switch Chat on”), line.secret
// (step 9 “Collect the values”)." in l.
func (e *ProblemsError) Summary(l steps.Lang) string {
	var parts []string
	for _, p := range e.Problems {
		s := p.Result.ID
		if p.Step != nil {
			s += fmt.Sprintf(steps.T(" (step %d “%s”)", "（ステップ%d「%s」）").In(l), p.Number, steps.Clean(p.Step.Title.In(l)))
		}
		parts = append(parts, s)
	}
	sep := steps.T(", ", "、").In(l)
	return fmt.Sprintf(FinishedWith(len(e.Problems)).In(l), len(e.Problems)) + steps.T(": ", "：").In(l) + strings.Join(parts, sep) + steps.T(".", "。").In(l)
}

// FinishedWith is "Finished with %d problem(s)" with the right English number.
func FinishedWith(n int) steps.Text {
	if n == 1 {
		return steps.T("Finished with %d problem", "%d件の問題を残して終了しました")
	}
	return steps.T("Finished with %d problems", "%d件の問題を残して終了しました")
}

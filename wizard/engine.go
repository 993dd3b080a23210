// Package wizard runs a flow: where the operator is, what they answered, which steps are
// skipped, going back, and the draft that lets them leave and come back. It draws nothing.
package wizard

import (
	"slices"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// StepState is how the sidebar shows a step.
type StepState int

const (
	Todo StepState = iota
	Current
	Done
	Failed // a live check tied to the step failed
)

// Engine holds the position and the answers of one walk through a flow.
type Engine struct {
	flow    *steps.Flow
	answers steps.Answers
	pos     int // index into flow.Steps; always a step that is not skipped, or len(Steps) when finished
	done    map[string]bool
	ledger  *Ledger
	// back is where the operator was before going to a step a failed check named
	// (len(Steps): the final screen); -1 when no such visit is under way.
	back int
	// retype: secrets a resumed draft left out, to be typed again (Resume, Retype).
	retype []string
}

// New starts flow with the answers given (from a draft, an answers file or flags). The
// flow's presets are applied first, so given answers win.
func New(flow *steps.Flow, given steps.Answers) *Engine {
	e := &Engine{flow: flow, answers: steps.Answers{}, done: map[string]bool{}, back: -1}
	e.ledger = newLedger(e)
	for k, v := range flow.Preset {
		e.answers[k] = v
	}
	for k, v := range given {
		e.answers[k] = v
	}
	e.pos = e.nextVisible(0)
	return e
}

// Flow is the flow being walked.
func (e *Engine) Flow() *steps.Flow { return e.flow }

// Answers returns a copy of every answer, with derived values filled in for fields that
// are still empty.
func (e *Engine) Answers() steps.Answers {
	a := e.answers.Clone()
	for _, s := range e.flow.Steps {
		for _, f := range s.Fields {
			if a.Get(f.Key) == "" && f.Derive != nil {
				if v := f.Derive(a); v != "" {
					a[f.Key] = v
				}
			}
		}
	}
	return a
}

// Raw returns a copy of the answers exactly as given, without derived values.
func (e *Engine) Raw() steps.Answers { return e.answers.Clone() }

// Value is the answer for key, or the value derived from earlier answers. It is what
// Answers holds for key, so a value derived from another derived value shows as it will
// be saved.
func (e *Engine) Value(key string) string {
	if v := e.answers.Get(key); v != "" {
		return v
	}
	if f, _, ok := e.flow.Field(key); ok && f.Derive != nil {
		return e.Answers().Get(key)
	}
	return ""
}

// Ledger is what the walk knows of its live checks.
func (e *Engine) Ledger() *Ledger { return e.ledger }

// Set records an answer. An empty value removes it, so that a derived value shows again.
// A value that changes makes the results of the checks that read it stale.
func (e *Engine) Set(key, value string) {
	if strings.TrimSpace(e.answers[key]) != strings.TrimSpace(value) {
		e.ledger.changed(key)
	}
	if value == "" {
		delete(e.answers, key)
		return
	}
	e.answers[key] = value
}

// Editing tells the engine that key is being changed to value on screen, before it is
// stored: results of checks that read key become stale as soon as the value differs.
func (e *Engine) Editing(key, value string) {
	if strings.TrimSpace(value) != e.Value(key) {
		e.ledger.changed(key)
	}
}

// Learn merges values found out by live checks (the channel ID behind a token).
func (e *Engine) Learn(values map[string]string) {
	for k, v := range values {
		if v != "" {
			e.answers[k] = v
		}
	}
}

func (e *Engine) skipped(i int) bool {
	s := e.flow.Steps[i]
	return s.Skip != nil && s.Skip(e.answers)
}

// visible reports whether step id is in the flow and not skipped.
func (e *Engine) visible(id string) bool {
	for i, s := range e.flow.Steps {
		if s.ID == id {
			return !e.skipped(i)
		}
	}
	return false
}

func (e *Engine) nextVisible(from int) int {
	for i := from; i < len(e.flow.Steps); i++ {
		if !e.skipped(i) {
			return i
		}
	}
	return len(e.flow.Steps)
}

// Visible lists the steps that are not skipped for the answers so far.
func (e *Engine) Visible() []*steps.Step {
	var out []*steps.Step
	for i, s := range e.flow.Steps {
		if !e.skipped(i) {
			out = append(out, s)
		}
	}
	return out
}

// Current is the step on screen, or nil once the flow is finished.
func (e *Engine) Current() *steps.Step {
	if e.Finished() {
		return nil
	}
	return e.flow.Steps[e.pos]
}

// Finished reports whether every step has been passed.
func (e *Engine) Finished() bool { return e.pos >= len(e.flow.Steps) }

// Position is the 1-based number of the current step among the visible ones and their count.
func (e *Engine) Position() (n, total int) {
	vis := e.Visible()
	total = len(vis)
	if e.Finished() {
		return total, total
	}
	cur := e.Current()
	for i, s := range vis {
		if s == cur {
			return i + 1, total
		}
	}
	return 0, total
}

// State is how the sidebar shows step id.
func (e *Engine) State(id string) StepState {
	switch {
	case e.ledger.StepFailed(id):
		return Failed
	case !e.Finished() && e.flow.Steps[e.pos].ID == id:
		return Current
	case e.done[id]:
		return Done
	}
	return Todo
}

// Problems validates the fields of step s against the answers (derived values count).
func (e *Engine) Problems(s *steps.Step) []steps.Problem {
	a := e.Answers()
	var ps []steps.Problem
	for _, f := range s.Fields {
		ps = append(ps, f.Check(a.Get(f.Key), a)...)
	}
	return ps
}

// Errors keeps the problems that stop the flow.
func Errors(ps []steps.Problem) []steps.Problem {
	return slices.DeleteFunc(slices.Clone(ps), func(p steps.Problem) bool { return p.Severity != steps.Error })
}

// Next leaves the current step when its values are valid. It returns the problems found
// (warnings too); when any is an error the position does not move. Derived values are
// written into the answers as the step is passed, so that what was shown is what is saved.
func (e *Engine) Next() []steps.Problem {
	if e.Finished() {
		return nil
	}
	cur := e.Current()
	ps := e.Problems(cur)
	if len(Errors(ps)) > 0 {
		return ps
	}
	a := e.Answers()
	for _, f := range cur.Fields {
		if e.answers.Get(f.Key) == "" && a.Get(f.Key) != "" {
			e.answers[f.Key] = a[f.Key]
		}
	}
	if !cur.Confirm.IsZero() && e.answers.Bool(cur.ConfirmKey()) {
		for k, v := range cur.Records {
			e.answers[k] = v
		}
	}
	e.done[cur.ID] = true
	if e.back >= 0 { // a visit ends where it began
		e.pos, e.back = e.nextVisible(e.back), -1
		return ps
	}
	e.pos = e.nextVisible(e.pos + 1)
	return ps
}

// Back returns to the previous visible step, keeping every value. It reports false on the
// first step.
func (e *Engine) Back() bool {
	for i := e.pos - 1; i >= 0; i-- {
		if !e.skipped(i) {
			e.pos = i
			return true
		}
	}
	return false
}

// GoTo moves to step id (a failed check's step, a sidebar pick). It reports false when the
// step does not exist or is skipped.
func (e *Engine) GoTo(id string) bool {
	for i, s := range e.flow.Steps {
		if s.ID == id && !e.skipped(i) {
			e.pos = i
			return true
		}
	}
	return false
}

// Visit goes to step id to fix what a check found there, remembering where the operator
// was so that Return brings them back once it passes. It reports false when the step does
// not exist or is skipped.
func (e *Engine) Visit(id string) bool {
	from := e.pos
	if e.back >= 0 {
		from = e.back // a visit from a visit returns to where the first one began
	}
	if !e.GoTo(id) {
		return false
	}
	if from != e.pos {
		e.back = from
	}
	return true
}

// Visiting reports whether the operator is on a step a failed check sent them to, with
// somewhere to return to.
func (e *Engine) Visiting() bool { return e.back >= 0 }

// Return goes back to where the operator was before Visit (the end when they came from
// the final screen). It reports false when no visit is under way.
func (e *Engine) Return() bool {
	if e.back < 0 {
		return false
	}
	if !e.Finished() {
		e.done[e.flow.Steps[e.pos].ID] = true
	}
	e.pos = e.nextVisible(e.back)
	e.back = -1
	return true
}

// Validate checks every field of every step that is not skipped, as non-interactive mode
// does: confirmations are not asked for, values are. Problems come in step order.
func (e *Engine) Validate() []steps.Problem {
	var ps []steps.Problem
	for _, s := range e.Visible() {
		ps = append(ps, e.Problems(s)...)
	}
	return ps
}

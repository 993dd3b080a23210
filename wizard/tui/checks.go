package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// checkState is what the screen knows of one live check.
type checkState struct {
	id       string
	origin   string // the step whose passing started it
	running  bool
	progress steps.Text
	res      *verify.Result
}

// target is the step to return to when the check failed.
func (c *checkState) target() string {
	if c.res != nil && c.res.Step != "" {
		return c.res.Step
	}
	return c.origin
}

// checkEventMsg carries one event of a run from the runner's goroutine.
type checkEventMsg struct {
	origin string
	ev     verify.Event
}

// runDoneMsg ends a run; final marks the run of the final screen, recheck the step whose
// failed checks were run again after the operator passed it.
type runDoneMsg struct {
	final   bool
	recheck string
	results []verify.Result
}

// startRun runs the checks ids in a goroutine; its events come back through m.events,
// read by one listening Cmd at a time.
func (m *model) startRun(ids []string, origin string, final bool) tea.Cmd {
	return m.launch(ids, origin, false, runDoneMsg{final: final})
}

// launch starts a run of ids; keep leaves each known check the step it came from (a
// recheck), else origin becomes it. done is sent with the results at the end.
func (m *model) launch(ids []string, origin string, keep bool, done runDoneMsg) tea.Cmd {
	if m.s.Checker == nil || len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		st := m.checks[id]
		if st == nil {
			st = &checkState{id: id}
			m.checks[id] = st
			m.order = append(m.order, id)
		}
		if !keep || st.origin == "" {
			st.origin = origin
		}
		st.running, st.res, st.progress = true, nil, steps.Text{}
	}
	answers := m.eng().Answers()
	ctx, ch, checker := m.ctx, m.events, m.s.Checker
	go func() {
		emit := func(ev verify.Event) {
			select {
			case ch <- checkEventMsg{origin: origin, ev: ev}:
			case <-ctx.Done():
			}
		}
		done.results = checker.Run(ctx, ids, answers, emit)
		select {
		case ch <- done:
		case <-ctx.Done():
		}
	}()
	m.runs++
	var cmds []tea.Cmd
	if m.runs == 1 {
		cmds = append(cmds, m.listen())
		if !m.static {
			cmds = append(cmds, m.spin.Tick)
		}
	}
	return tea.Batch(cmds...)
}

// listen waits for the next message of any run.
func (m *model) listen() tea.Cmd {
	ch, ctx := m.events, m.ctx
	return func() tea.Msg {
		select {
		case msg := <-ch:
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}

// applyResult records a finished check: learnt values go into the answers and the step
// it names is marked failed or cleared.
func (m *model) applyResult(origin string, r verify.Result) {
	st := m.checks[r.ID]
	if st == nil {
		st = &checkState{id: r.ID, origin: origin}
		m.checks[r.ID] = st
		m.order = append(m.order, r.ID)
	}
	if st.origin == "" {
		st.origin = origin
	}
	rr := r
	st.res, st.running = &rr, false
	if len(r.Learnt) > 0 {
		m.eng().Learn(r.Learnt)
	}
	m.refreshFailed()
	m.lastDone = r.ID
	if r.Status == verify.Fail {
		m.lastFail = r.ID
	} else if m.lastFail == r.ID {
		m.lastFail = ""
	}
}

// refreshFailed marks in the engine every step that a failed check names.
func (m *model) refreshFailed() {
	failed := map[string]bool{}
	touched := map[string]bool{}
	for _, st := range m.checks {
		t := st.target()
		touched[t] = true
		if st.res != nil && st.res.Status == verify.Fail {
			failed[t] = true
		}
	}
	for id := range touched {
		m.eng().MarkFailed(id, failed[id])
	}
}

// failingFor lists the checks whose last result failed and named step id.
func (m *model) failingFor(id string) []string {
	var ids []string
	for _, cid := range m.order {
		st := m.checks[cid]
		if st.res != nil && st.res.Status == verify.Fail && st.target() == id {
			ids = append(ids, cid)
		}
	}
	return ids
}

// recheck runs again, once the operator passed step cur that a failed check had marked
// (they fixed it in the console and said so), every check whose last result failed and
// named it; the step's own checks are already run by passing it. The mark goes when none
// fails again (settle).
func (m *model) recheck(cur *steps.Step) tea.Cmd {
	if m.s.Checker == nil {
		return nil
	}
	own := map[string]bool{}
	for _, id := range cur.Checks {
		own[id] = true
	}
	var ids []string
	for _, id := range m.failingFor(cur.ID) {
		if !own[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		if len(cur.Checks) == 0 {
			m.settle(cur.ID)
		}
		return nil
	}
	return m.launch(ids, cur.ID, true, runDoneMsg{recheck: cur.ID})
}

// settle clears the failed mark of step id when no check's last result names it as
// failed any more, and keeps it otherwise.
func (m *model) settle(id string) {
	m.eng().MarkFailed(id, len(m.failingFor(id)) > 0)
}

// jumpTarget is the failed check the g key leads to, if any.
func (m *model) jumpTarget() *checkState {
	if st := m.checks[m.lastFail]; st != nil && st.res != nil && st.res.Status == verify.Fail {
		return st
	}
	for i := len(m.order) - 1; i >= 0; i-- {
		if st := m.checks[m.order[i]]; st.res != nil && st.res.Status == verify.Fail {
			return st
		}
	}
	return nil
}

// allCheckIDs lists every check of the visible steps, once each, in step order.
func (m *model) allCheckIDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, s := range m.eng().Visible() {
		for _, id := range s.Checks {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// runKind tells what a run of checks was started for.
type runKind int

const (
	runStep    runKind = iota // a step was passed: its checks, and stale ones
	runInPlace                // "check again" on the step a failure sent the operator to
	runStop                   // "check again" on the panel that stopped the walk
	runFinal                  // every check once more before the end
)

// checkEventMsg carries one event of a run from the runner's goroutine.
type checkEventMsg struct {
	origin string
	ev     verify.Event
}

// runDoneMsg ends a run with its results.
type runDoneMsg struct {
	kind    runKind
	origin  string // the step the run was started from
	ids     []string
	results []verify.Result
}

func (m *model) ledger() *wizard.Ledger { return m.s.Ledger() }

// launch starts a run of ids in a goroutine; its events come back through m.events, read
// by one listening Cmd at a time.
func (m *model) launch(ids []string, origin string, kind runKind) tea.Cmd {
	if m.s.Checker == nil || len(ids) == 0 {
		return nil
	}
	m.ledger().Start(ids, origin)
	answers := m.eng().Answers()
	ctx, ch, checker := m.ctx, m.events, m.s.Checker
	done := runDoneMsg{kind: kind, origin: origin, ids: ids}
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

// union lists ids from every list once, in the order first met.
func union(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, id := range l {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// jumpTarget is the first problem the g key leads to, if any.
func (m *model) jumpTarget() *wizard.Problem {
	for _, p := range m.ledger().Problems() {
		if p.Step != nil {
			return &p
		}
	}
	return nil
}

// stale reports whether the latest result of check id was given on values changed since.
func (m *model) stale(id string) bool {
	en, ok := m.ledger().Entry(id)
	return ok && en.Stale
}

// unreachedOnly reports whether every problem is a check that could not tell (error), none
// a failure.
func unreachedOnly(ps []wizard.Problem) bool {
	for _, p := range ps {
		if p.Result.Status != verify.Error {
			return false
		}
	}
	return len(ps) > 0
}

// unreachedStep reports whether the problems sent to step id are all checks that could
// not tell: the sidebar marks it ? rather than ✗.
func (m *model) unreachedStep(id string) bool {
	var mine []wizard.Problem
	for _, p := range m.ledger().Problems() {
		if p.Step != nil && p.Step.ID == id {
			mine = append(mine, p)
		}
	}
	return unreachedOnly(mine)
}

// finalExitText says what closing with code means: 3, the integration does not work; 4,
// whether it works is not known (a service did not answer).
func finalExitText(code int) steps.Text {
	if code == wizard.ExitUnreachable {
		return txtFinalExitUnreached
	}
	return txtFinalExitCode
}

// finalHelp and finalQuit are the final screen's words under the problems: "fix it" when
// a check failed, "check again" when the checks only could not tell.
func finalHelp(ps []wizard.Problem) steps.Text {
	if unreachedOnly(ps) {
		return txtFinalUnreachedHelp
	}
	return txtFinalProblems
}

func finalQuit(ps []wizard.Problem) steps.Text {
	if unreachedOnly(ps) {
		return txtFinalUnreachedQuit
	}
	return txtFinalQuitBad
}

// recheckNote is the status line's word after "check again": "it passes now" only when
// every check the run gave a verdict on passed (or warned); otherwise it names what
// passes and what still (or newly) fails.
func recheckNote(results []verify.Result, l steps.Lang) string {
	var passing, failing []string
	for _, r := range results {
		switch r.Status {
		case verify.Pass, verify.Warn:
			passing = append(passing, r.ID)
		case verify.Fail, verify.Error:
			failing = append(failing, r.ID)
		}
	}
	sep := steps.T(", ", "、").In(l)
	switch {
	case len(failing) == 0:
		return txtFixedNow.In(l)
	case len(passing) == 0:
		return tf(txtFixedNone, l, strings.Join(failing, sep))
	}
	return tf(txtFixedPartly, l, strings.Join(passing, sep), strings.Join(failing, sep))
}

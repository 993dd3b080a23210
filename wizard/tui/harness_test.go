package tui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// snap is what the test sees of the model after each update: the screen as plain text
// and where the walk stands. The model itself is only touched by the program.
type snap struct {
	screen string // colours and styles stripped
	raw    string // as rendered, escape sequences included
	step   string
	focus  string
	phase  phase
	done   bool // the final screen has written the config (or failed to)
	keys   int  // key presses the model has handled so far
}

// probe wraps the model so that a test can wait for a state without racing the program.
type probe struct {
	m    *model
	mu   sync.Mutex
	last snap
	keys int
}

func (p *probe) Init() tea.Cmd { return p.m.Init() }

func (p *probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := p.m.Update(msg)
	if _, ok := msg.(tea.KeyPressMsg); ok {
		p.keys++ // only the test sends keys, and the program hands them over in order
	}
	raw := p.m.render()
	s := snap{raw: raw, screen: plain(raw), phase: p.m.phase, done: p.m.finalDone, keys: p.keys}
	if cur := p.m.eng().Current(); cur != nil && p.m.phase == phaseStep {
		s.step = cur.ID
	}
	if b := p.m.focused(); b != nil {
		s.focus = b.key
	}
	p.mu.Lock()
	p.last = s
	p.mu.Unlock()
	return p, cmd
}

func (p *probe) View() tea.View { return p.m.View() }

func (p *probe) snap() snap {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

// plain strips styles and the spaces at the ends of lines: goldens hold what the
// operator reads.
func plain(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

// ui is a running screen under test.
type ui struct {
	t    *testing.T
	tm   *teatest.TestModel
	p    *probe
	sent int // key presses sent so far
}

func start(t *testing.T, s *wizard.Session, w, h int) *ui {
	t.Helper()
	m := newModel(context.Background(), s, Options{Width: w, Height: h})
	m.static = true
	p := &probe{m: m}
	tm := teatest.NewTestModel(t, p,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	u := &ui{t: t, tm: tm, p: p}
	u.wait("first screen", func(s snap) bool { return s.screen != "" && (s.step != "" || s.phase != phaseStep) })
	return u
}

// hangLimit only turns a hang into a failure: it is far above what any wait takes, even
// on a loaded machine, so that no test depends on how fast the program runs.
const hangLimit = 60 * time.Second

// wait polls until cond holds. cond must describe a state that lasts (the model waits for
// the operator there), not one the program may pass through and leave before the poll
// looks: for "the key was handled" use press.
func (u *ui) wait(what string, cond func(snap) bool) snap {
	u.t.Helper()
	deadline := time.Now().Add(hangLimit)
	for {
		s := u.p.snap()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			u.t.Fatalf("waiting for %s; screen:\n%s\nstep %q focus %q", what, s.screen, s.step, s.focus)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (u *ui) waitText(text string) snap {
	u.t.Helper()
	return u.wait("“"+text+"”", func(s snap) bool { return strings.Contains(s.screen, text) })
}

func (u *ui) waitStep(id string) snap {
	u.t.Helper()
	return u.wait("step "+id, func(s snap) bool { return s.step == id })
}

func (u *ui) waitFocus(key string) snap {
	u.t.Helper()
	return u.wait("focus on "+key, func(s snap) bool { return s.focus == key })
}

func (u *ui) send(msgs ...tea.Msg) {
	for _, m := range msgs {
		if _, ok := m.(tea.KeyPressMsg); ok {
			u.sent++
		}
		u.tm.Send(m)
	}
}

func (u *ui) typ(s string) {
	u.sent += len([]rune(s))
	u.tm.Type(s)
}

// press sends keys and returns the state right after the model handled the last of
// them: a condition on the model (it counts the keys), not on what a later frame shows.
func (u *ui) press(msgs ...tea.Msg) snap {
	u.t.Helper()
	u.send(msgs...)
	want := u.sent
	return u.wait(fmt.Sprintf("key %d handled", want), func(s snap) bool { return s.keys >= want })
}

func (u *ui) finish() *model {
	u.t.Helper()
	fm := u.tm.FinalModel(u.t, teatest.WithFinalTimeout(hangLimit))
	return fm.(*probe).m
}

var (
	enter    = tea.KeyPressMsg{Code: tea.KeyEnter}
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	ctrlC    = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	ctrlR    = tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	down     = tea.KeyPressMsg{Code: tea.KeyDown}
	left     = tea.KeyPressMsg{Code: tea.KeyLeft}
	pgdown   = tea.KeyPressMsg{Code: tea.KeyPgDown}
)

func letter(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// fakeChecker answers every check from a table (pass when not listed) and records calls;
// a check listed in seq takes its next result from there first, one per run.
type fakeChecker struct {
	mu      sync.Mutex
	results map[string]verify.Result
	seq     map[string][]verify.Result
	calls   [][]string
}

func (f *fakeChecker) Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result {
	f.mu.Lock()
	f.calls = append(f.calls, append([]string(nil), ids...))
	f.mu.Unlock()
	var out []verify.Result
	for _, id := range ids {
		emit(verify.Event{ID: id, Kind: verify.Started})
		f.mu.Lock()
		r, ok := f.results[id]
		if q := f.seq[id]; len(q) > 0 {
			r, ok = q[0], true
			f.seq[id] = q[1:]
		}
		f.mu.Unlock()
		if !ok {
			r = verify.Result{Status: verify.Pass, Message: steps.T("All good.", "問題ありません。")}
		}
		r.ID = id
		emit(verify.Event{ID: id, Kind: verify.Finished, Result: r})
		out = append(out, r)
	}
	return out
}

func (f *fakeChecker) ran() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([][]string(nil), f.calls...)
}

// fakeSave records what the config would have been written with.
type fakeSave struct {
	mu      sync.Mutex
	path    string
	err     error
	answers []steps.Answers
	results [][]verify.Result
}

func (f *fakeSave) save(a steps.Answers, r []verify.Result) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.answers = append(f.answers, a.Clone())
	f.results = append(f.results, r)
	if f.err != nil {
		return "", f.err
	}
	return f.path, nil
}

func (f *fakeSave) calls() ([]steps.Answers, [][]verify.Result) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]steps.Answers(nil), f.answers...), append([][]verify.Result(nil), f.results...)
}

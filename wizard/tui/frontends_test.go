package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
	plainmode "github.com/setup-wizard/setup-wizard/wizard/plain"
)

// emulated is a LINE emulator with faults and the live checks pointed at it; each front
// end gets its own, so that neither sees what the other wrote.
func emulated(t *testing.T, faults ...string) *verify.Suite {
	t.Helper()
	ln := fakeapi.NewLINE()
	t.Cleanup(ln.Close)
	for _, f := range faults {
		if err := ln.SetKnob(f); err != nil {
			t.Fatal(err)
		}
	}
	return &verify.Suite{
		Checks: line.Checks(),
		Env: verify.Env{HTTP: verify.NewHTTPClient(verify.HTTPOptions{}),
			URLs: verify.BaseURLs{LineAPI: ln.APIURL(), LineAccess: ln.AccessURL(), LinEE: ln.LinEEURL()}},
	}
}

// walkAnswers are the sandbox's sample values with every console step confirmed, from the
// collect step on: what an operator who fills in everything right would have typed.
func walkAnswers() steps.Answers {
	a := steps.Answers{}
	for _, st := range line.FlowNew().Steps {
		for _, f := range st.Fields {
			if f.Sample != "" {
				a[f.Key] = f.Sample
			}
		}
		if !st.Confirm.IsZero() {
			a[st.ConfirmKey()] = "true"
		}
	}
	a["flow.line.set_webhook"] = "true"
	return a
}

// ledgerView is what a ledger says, in a form two front ends can be compared by.
type ledgerView struct {
	Results  []string // id status → step
	Problems []string
	Exit     int
	Handover []string
}

func viewOf(s *wizard.Session) ledgerView {
	l := s.Ledger()
	var v ledgerView
	for _, r := range l.Results() {
		v.Results = append(v.Results, fmt.Sprintf("%s %s → %s", r.ID, r.Status, l.Target(r.ID)))
	}
	slices.Sort(v.Results)
	for _, p := range l.Problems() {
		v.Problems = append(v.Problems, fmt.Sprintf("%s %d", p.Result.ID, p.Number))
	}
	v.Exit = l.ExitCode()
	for _, r := range s.Engine.Handover(s.Engine.Flow().Step("line.cms")) {
		v.Handover = append(v.Handover, fmt.Sprintf("%s wrong=%t", r.Key, r.Wrong))
	}
	return v
}

// prompter answers the accessible walk's questions as they come: "n" (continue anyway)
// where the walk stopped on a failure, Enter (keep the value shown) everywhere else.
type prompter struct {
	mu      sync.Mutex
	out     strings.Builder
	asked   chan string
	pending bool
}

func newPrompter() *prompter { return &prompter{asked: make(chan string, 16)} }

func (p *prompter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	s := p.out.String()
	if strings.HasSuffix(s, ": ") || strings.HasSuffix(s, "： ") {
		last := s[strings.LastIndex(s, "\n")+1:]
		p.asked <- last
	}
	return len(b), nil
}

func (p *prompter) Read(b []byte) (int, error) {
	q, ok := <-p.asked
	if !ok {
		return 0, io.EOF
	}
	ans := "\n"
	if strings.Contains(q, "n = continue anyway") {
		ans = "n\n"
	}
	return copy(b, ans), nil
}

func (p *prompter) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// TestBothFrontEndsKeepOneLedger walks the same flow with Chat off through the full screen
// and the accessible mode, continuing anyway at the stop: both end with the same results,
// the same steps to fix them on, exit code 3 and the same hand-over rows.
func TestBothFrontEndsKeepOneLedger(t *testing.T) {
	newSession := func(checker wizard.Checker) *wizard.Session {
		return &wizard.Session{
			Engine:  wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.collect", Answers: walkAnswers()}),
			Lang:    steps.EN,
			Checker: checker,
			Save:    (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
		}
	}

	// The full screen: enter through every step, n at the stop, enter at the end.
	ts := newSession(emulated(t, "chat_off", "wrong_secret"))
	u := start(t, ts, 100, 32)
	// Every key is pressed on the state the test has read, and the next state read is the
	// one right after the model handled it (press): no wait depends on a frame coming, so
	// a question asked again by a run that ends meanwhile is simply answered again.
	sn := u.p.snap()
	for {
		switch {
		case strings.Contains(sn.screen, "Only you can tell: line.login.callback"):
			// As the accessible mode's Enter: not now, the warning stays.
			sn = u.press(tea.KeyPressMsg{Code: tea.KeyEscape})
			continue
		case sn.phase == phaseFinal && sn.done && strings.Contains(sn.screen, "Finished with 2 problems"):
		case sn.phase == phaseFinal:
			// The final checks run (or a question came up): wait for either.
			sn = u.wait("the final checks", func(s snap) bool {
				return (s.done && strings.Contains(s.screen, "Finished with 2 problems")) || strings.Contains(s.screen, "Only you can tell")
			})
			continue
		case sn.phase == phaseStop:
			sn = u.press(letter('n'))
			continue
		default:
			sn = u.press(enter)
			continue
		}
		break
	}
	u.send(enter)
	m := u.finish()
	var coded *wizard.ExitCodeError
	if !errors.As(m.outcome, &coded) || coded.Code != wizard.ExitCheckFailed {
		t.Errorf("the full screen ended with %v, want exit code 3:\n%s", m.outcome, sn.screen)
	}

	// The accessible mode, on its own emulator with the same faults.
	ps := newSession(emulated(t, "chat_off", "wrong_secret"))
	pr := newPrompter()
	err := plainmode.RunAccessible(context.Background(), ps, plainmode.Options{In: pr, Out: pr, Accessible: true})
	close(pr.asked)
	if !errors.As(err, &coded) || coded.Code != wizard.ExitCheckFailed {
		t.Errorf("the accessible mode ended with %v, want exit code 3:\n%s", err, pr.String())
	}

	tv, pv := viewOf(ts), viewOf(ps)
	if fmt.Sprint(tv) != fmt.Sprint(pv) {
		t.Errorf("the front ends disagree:\nfull screen: %+v\naccessible:  %+v", tv, pv)
	}
	for _, want := range []string{"line.bot fail → line.chat_on", "line.secret fail → line.collect"} {
		if !slices.Contains(tv.Results, want) {
			t.Errorf("results lack %q: %v", want, tv.Results)
		}
	}
	if !slices.Contains(tv.Handover, "line.messaging_api.channel_secret wrong=true") ||
		!slices.Contains(tv.Handover, "line.messaging_api.channel_access_token wrong=false") ||
		!slices.Contains(tv.Handover, "line.messaging_api.channel_id wrong=false") {
		t.Errorf("hand-over rows: %v (want the secret marked wrong, the token not, the learnt channel ID listed)", tv.Handover)
	}
}

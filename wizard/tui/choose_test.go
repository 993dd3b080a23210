package tui

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

var integrations = []steps.Option{
	{Value: "line", Label: steps.T("LINE", "LINE")},
	{Value: "naver", Label: steps.T("NAVER Login", "NAVERログイン")},
}

func TestChoosePicksTheSecondOption(t *testing.T) {
	in := &keyReader{keys: []string{"\x1b[B", "\r"}}
	got, err := Choose(t.Context(), steps.EN, steps.T("Which integration?", "どの連携ですか？"), integrations, Options{In: in, Out: io.Discard, Width: 80, Height: 20})
	if err != nil || got != "naver" {
		t.Fatalf("Choose = %q, %v", got, err)
	}
}

func TestChooseCtrlCIsInterrupted(t *testing.T) {
	in := &keyReader{keys: []string{"\x03"}}
	_, err := Choose(context.Background(), steps.JA, steps.T("Which integration?", "どの連携ですか？"), integrations, Options{In: in, Out: io.Discard, Width: 80, Height: 20})
	if !errors.Is(err, wizard.ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
}

// progressChecker reports a countdown before it passes, as the webhook check does while
// LINE's cache catches up; it waits for the test to let it finish.
type progressChecker struct{ release chan struct{} }

func (p *progressChecker) Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result {
	var out []verify.Result
	for _, id := range ids {
		emit(verify.Event{ID: id, Kind: verify.Started})
		emit(verify.Event{ID: id, Kind: verify.Progress, Message: steps.T("Waiting for LINE: 42 s left", "LINEの反映待ち：残り42秒")})
		select {
		case <-p.release:
		case <-ctx.Done():
			return out
		}
		r := verify.Result{ID: id, Status: verify.Pass, Message: steps.T("Webhook works.", "Webhookは動いています。")}
		emit(verify.Event{ID: id, Kind: verify.Finished, Result: r})
		out = append(out, r)
	}
	return out
}

func TestProgressShownAndOperatorMayGoOn(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test", "flow.done.t.cms": "true"})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.hook", Answers: s.Engine.Raw()})
	pc := &progressChecker{release: make(chan struct{})}
	s.Checker = pc
	// Step back one so that passing the webhook step keeps a step on screen.
	s.Engine.GoTo("t.cms")
	u := start(t, s, 100, 32)
	u.waitFocus("flow.done.t.cms")
	u.send(enter) // already answered yes
	u.waitFocus("line.messaging_api.webhook_url")
	u.typ("https://cms.example/hook")
	u.send(enter)
	sn := u.waitText("Waiting for LINE: 42 s left")
	if !strings.Contains(sn.screen, "Running every check one last time") {
		t.Errorf("the final run is not under way:\n%s", sn.screen)
	}
	close(pc.release)
	u.wait("final screen", func(s snap) bool { return s.done })
	u.waitText("✓ t.webhook")
	u.send(enter)
	if m := u.finish(); m.outcome != nil {
		t.Fatal(m.outcome)
	}
}

// In the sandbox the chooser carries the SANDBOX badge, as every screen of the walk does.
func TestChooseSandboxBadge(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		c := newChooser(l, steps.T("Which integration?", "どの連携ですか？"), integrations, Options{Width: 80, Sandbox: true, NoColor: true})
		if v := c.View().Content; !strings.Contains(v, txtSandbox.In(l)) {
			t.Errorf("%s: no SANDBOX badge:\n%s", l, v)
		}
		c = newChooser(l, steps.T("Which integration?", "どの連携ですか？"), integrations, Options{Width: 80, NoColor: true})
		if v := c.View().Content; strings.Contains(v, txtSandboxShort.In(l)) {
			t.Errorf("%s: a real run shows the badge:\n%s", l, v)
		}
	}
}

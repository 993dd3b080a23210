package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// TestConfirmCallback: LINE cannot tell an anonymous probe whether the callback URL is
// registered, so the screen asks the operator what LINE showed them signed in, and records
// the answer: the consent screen passes (confirmed by operator, also in the saved file),
// the 400 page fails and goes back to the callback step, esc leaves the warning.
func TestConfirmCallback(t *testing.T) {
	for _, tc := range []struct {
		name   string
		keys   []tea.Msg
		status verify.Status
		mark   string
		faults []string
	}{
		{"consent screen", []tea.Msg{enter}, verify.Pass, "✓ line.login.callback", nil},
		{"went to the CMS", []tea.Msg{letter('2'), enter}, verify.Pass, "✓ line.login.callback", nil},
		{"400 page", []tea.Msg{down, down, enter}, verify.Fail, "", nil},
		// Another problem on an earlier step: the answer still leads to the callback step.
		{"400 page after another failure", []tea.Msg{letter('3'), enter}, verify.Fail, "", []string{"webhook_test_cms_status=404"}},
		{"not now", []tea.Msg{tea.KeyPressMsg{Code: tea.KeyEscape}}, verify.Warn, "! line.login.callback", nil},
	} {
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			t.Run(tc.name+"/"+string(l), func(t *testing.T) {
				fs := &fakeSave{path: "/tmp/shop/setup-wizard.yaml"}
				s := &wizard.Session{
					Engine:  wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.callback", Answers: walkAnswers()}),
					Lang:    l,
					Checker: emulated(t, tc.faults...),
					Save:    fs.save,
				}
				u := start(t, s, 100, 40)
				u.waitStep("line.callback")
				u.send(enter)
				title := map[steps.Lang]string{steps.EN: "Only you can tell: line.login.callback", steps.JA: "あなたにしか確かめられません：line.login.callback"}[l]
				sn := u.wait("the question", func(s snap) bool {
					// A failure answered while the final checks still run stays on the final
					// screen; wait for them, so that the answer leads back to the step.
					return strings.Contains(s.screen, title) && (tc.status != verify.Fail || s.done)
				})
				for _, w := range map[steps.Lang][]string{
					steps.EN: {"signed in to LINE", "/oauth2/v2.1/authorize?client_id=", "1) A consent screen", `3) "400 Bad Request / Invalid redirect_uri value"`, "esc not now"},
					steps.JA: {"LINEにログインしているブラウザ", "/oauth2/v2.1/authorize?client_id=", "1) 同意画面", "3) 「400 Bad Request / Invalid redirect_uri value」", "esc 今はしない"},
				}[l] {
					if !strings.Contains(sn.screen, w) {
						t.Errorf("the question lacks %q:\n%s", w, sn.screen)
					}
				}
				u.send(tc.keys...)
				switch tc.status {
				case verify.Fail:
					sn = u.wait("back at the callback step", func(s snap) bool { return s.step == "line.callback" && !strings.Contains(s.screen, title) })
				default:
					sn = u.wait("the end", func(s snap) bool { return s.done && strings.Contains(s.screen, tc.mark) })
				}
				u.send(ctrlC)
				m := u.finish()
				en, ok := m.ledger().Entry("line.login.callback")
				if !ok || en.Result == nil || en.Result.Status != tc.status {
					t.Fatalf("ledger: %+v\n%s", en.Result, sn.screen)
				}
				if confirmed := strings.HasPrefix(en.Result.Detail, verify.ConfirmedDetail); confirmed != (tc.status != verify.Warn) {
					t.Errorf("detail %q", en.Result.Detail)
				}
				if tc.status == verify.Pass {
					_, saved := fs.calls()
					last := saved[len(saved)-1]
					found := false
					for _, r := range last {
						found = found || (r.ID == "line.login.callback" && r.Status == verify.Pass && strings.HasPrefix(r.Detail, verify.ConfirmedDetail))
					}
					if !found {
						t.Errorf("the saved file does not record the confirmation: %+v", last)
					}
					var coded *wizard.ExitCodeError
					if errors.As(m.outcome, &coded) {
						t.Errorf("outcome %v", m.outcome)
					}
				}
			})
		}
	}
}

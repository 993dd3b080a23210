package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// TestFinalScreenSmallShowsTheProblem: at 60×20 and 40×12, in both languages, a walk that
// ends with one failed check (the one the flow checks late) shows that check on the final
// screen's first page, above the checks that passed; ↓ and pgdn read on to the keys that
// close it, and closing ends with exit code 3.
func TestFinalScreenSmallShowsTheProblem(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {40, 12}} {
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], l), func(t *testing.T) {
				long := steps.T("This check passed, and says so in a sentence long enough to wrap on a narrow screen.",
					"この確認は通りました。狭い画面では折り返すくらいの長さの文で、そのことを伝えています。")
				fc := &fakeChecker{results: map[string]verify.Result{
					"line.webhook.active": {Status: verify.Fail, Step: "line.webhook",
						Message: steps.T("Webhook is switched off.", "Webhookの利用がオフです。")},
				}}
				for _, id := range line.FlowNew().Steps {
					for _, c := range id.Checks {
						if c != "line.webhook.active" {
							fc.results[c] = verify.Result{Status: verify.Pass, Message: long}
						}
					}
				}
				s := &wizard.Session{
					Engine:  wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.callback", Answers: walkAnswers()}),
					Lang:    l,
					Checker: fc,
					Save:    (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
				}
				u := start(t, s, size[0], size[1])
				u.waitStep("line.callback")
				u.send(enter)
				sn := u.wait("the final screen", func(s snap) bool { return s.done })
				if !strings.Contains(sn.screen, "✗ line.webhook.active") {
					t.Errorf("the failed check is not on the first page of the final screen:\n%s", sn.screen)
				}
				// ↓ moves one line, pgdn a page, until the keys that close the screen.
				u.send(down)
				next := u.wait("↓ to scroll", func(s snap) bool { return s.screen != sn.screen })
				if strings.Count(next.screen, "\n") != size[1] {
					t.Errorf("the screen is %d lines high:\n%s", strings.Count(next.screen, "\n"), next.screen)
				}
				read := sn.screen + next.screen
				quit := squeeze(tail(txtFinalQuitBad.In(l), 10))
				for i := 0; i < 20 && !strings.Contains(squeeze(read), quit); i++ {
					prev := next.screen
					u.send(pgdown)
					next = u.wait("pgdn to scroll", func(s snap) bool { return s.screen != prev })
					read += next.screen
				}
				if !strings.Contains(squeeze(read), quit) {
					t.Errorf("pgdn never reaches the keys that close the screen; last page:\n%s", next.screen)
				}
				u.send(enter)
				m := u.finish()
				var coded *wizard.ExitCodeError
				if !errors.As(m.outcome, &coded) || coded.Code != 3 {
					t.Errorf("outcome %v, want exit code 3", m.outcome)
				}
			})
		}
	}
}

package tui

import (
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// TestFocusedInputLineInView: at 100x30 on the LINE collect step, each field in turn has
// its input line ("┃ > …") on screen, however long the help above it.
func TestFocusedInputLineInView(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) {
			s := &wizard.Session{
				Engine: wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.collect", Answers: walkAnswers()}),
				Lang:   l,
				Save:   (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
			}
			// Results of an earlier run on the step (as after replay): under the fields
			// they take the room the form would have had.
			for _, id := range s.Engine.Flow().Step("line.collect").Checks {
				s.Ledger().Record(verify.Result{ID: id, Status: verify.Error, Step: "line.collect",
					Message: steps.T("Could not tell: LINE answered with HTTP 503. Try again in a moment; nothing was changed, and the value stays as you typed it.",
						"確かめられませんでした：LINEがHTTP 503を返しました。少しあとでもう一度試してください。何も変わっていません。入力した値はそのままです。")}, "line.collect")
			}
			u := start(t, s, 100, 30)
			sn := u.wait("a focused field", func(s snap) bool { return s.focus != "" })
			seen := map[string]bool{}
			for !seen[sn.focus] {
				seen[sn.focus] = true
				if !strings.Contains(sn.screen, "┃ >") {
					t.Errorf("focus on %s: its input line is not on screen:\n%s", sn.focus, sn.screen)
				}
				if sn.focus == "line.messaging_api.add_friend_url" {
					break // the field the operator typed blind into; the next leaves the fields
				}
				prev := sn.focus
				u.send(tab) // huh moves the focus by a command: wait for it
				sn = u.wait("the next field", func(s snap) bool { return s.focus != prev || s.step != "line.collect" })
				if sn.step != "line.collect" {
					break
				}
			}
		})
	}
}

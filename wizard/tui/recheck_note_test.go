package tui

import (
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// TestCheckAgainNamesWhatStillFails: "check again" from the final screen passes the
// check that sent the operator there, but the one it had kept from running now fails:
// the status line names both and never says "it passes now".
func TestCheckAgainNamesWhatStillFails(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) {
			s, fc, _ := testSession(t, l, collectedTestAnswers())
			s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.hook", Answers: s.Engine.Raw()})
			fc.seq = map[string][]verify.Result{
				"t.token": {
					{Status: verify.Fail, Step: "t.console", Message: steps.T("Chat is off.", "チャットがオフです。")},
					{Status: verify.Pass, Message: steps.T("Chat is on.", "チャットはオンです。")},
				},
				"t.webhook": {
					{Status: verify.Skipped, Message: steps.T("Not run: the token failed.", "トークンが通らないため実行していません。")},
					{Status: verify.Fail, Step: "t.hook", Message: steps.T("The CMS answered 401.", "CMSが401を返しました。")},
				},
			}
			u := start(t, s, 100, 32)
			u.waitFocus("line.messaging_api.webhook_url")
			u.press(enter)
			sn := u.wait("the final screen", func(s snap) bool { return s.done })
			if !strings.Contains(sn.screen, "✗ t.token") {
				t.Fatalf("the final screen does not list the failure:\n%s", sn.screen)
			}
			u.press(letter('g'))
			u.waitFocus("flow.done.t.console")
			u.press(left, enter) // Yes: fixed in the console
			sn = u.wait("the note after the run", func(s snap) bool {
				return len(fc.ran()) >= 2 && s.step != "t.console" && strings.Contains(s.screen, firstWords(txtFixedPartly.In(l)))
			})
			want := tf(txtFixedPartly, l, "t.token", "t.webhook")
			if !strings.Contains(flat(sn.screen), flat(want)) {
				t.Errorf("the status line does not name what passes and what fails (want %q):\n%s", want, sn.screen)
			}
			if strings.Contains(sn.screen, txtFixedNow.In(l)) {
				t.Errorf("the status line says it passes while t.webhook fails:\n%s", sn.screen)
			}
			u.send(ctrlC)
			u.finish()
		})
	}
}

func firstWords(s string) string { return string([]rune(s)[:8]) }

func TestRecheckNote(t *testing.T) {
	pass := verify.Result{ID: "a", Status: verify.Pass}
	warn := verify.Result{ID: "b", Status: verify.Warn}
	fail := verify.Result{ID: "c", Status: verify.Fail}
	unreached := verify.Result{ID: "d", Status: verify.Error}
	skipped := verify.Result{ID: "e", Status: verify.Skipped}
	for _, tc := range []struct {
		in   []verify.Result
		want string
	}{
		{[]verify.Result{pass, warn, skipped}, "✓ Checked again: it passes now."},
		{[]verify.Result{pass, fail}, "Checked again: now passing: a. Still failing: c."},
		{[]verify.Result{pass, warn, fail, unreached}, "Checked again: now passing: a, b. Still failing: c, d."},
		{[]verify.Result{fail, skipped}, "Checked again: still failing: c."},
	} {
		if got := recheckNote(tc.in, steps.EN); got != tc.want {
			t.Errorf("recheckNote(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

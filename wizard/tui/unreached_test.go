package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// TestCouldNotTellIsNotAConsoleFix: a check whose API did not answer (status error) stops
// the walk as "could not check", offers r first, marks its step ? (not ✗) in the sidebar
// and the status line, and the end says exit 4 means not known, not "does not work".
func TestCouldNotTellIsNotAConsoleFix(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) {
			s, fc, _ := testSession(t, l, collectedTestAnswers())
			s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
			fc.results["t.token"] = verify.Result{Status: verify.Error, Step: "t.console",
				Message: steps.T("LINE did not answer (503). Try again in a moment.", "LINEが応答しませんでした（503）。")}
			u := start(t, s, 100, 32)
			u.waitFocus("line.messaging_api.channel_access_token")
			u.press(enter)
			u.waitFocus("line.messaging_api.add_friend_url")
			u.press(enter)
			sn := u.wait("the stop", func(s snap) bool {
				return s.phase == phaseStop && s.keys == u.sent && strings.Contains(s.screen, "t.token")
			})
			sn = u.wait("the stop's keys", func(s snap) bool { return strings.Contains(s.screen, firstLine(txtStopKeysUnreached.In(l))) })
			for _, want := range []string{txtStopUnreached.In(l), "? t.token"} {
				if !strings.Contains(sn.screen, want) {
					t.Errorf("the stop lacks %q:\n%s", want, sn.screen)
				}
			}
			for _, bad := range []string{txtStopTitle.In(l), "✗ t.token", "✗  2 ", strings.SplitN(txtFixAt.In(l), "%", 2)[0]} {
				if strings.Contains(sn.screen, bad) {
					t.Errorf("the stop says %q for a check that could not tell:\n%s", bad, sn.screen)
				}
			}
			if strings.Contains(flat(paneOf(sn.screen)), flat(txtStopBody.In(l))) || !strings.Contains(flat(paneOf(sn.screen)), flat(txtStopUnreachedBody.In(l))) {
				t.Errorf("the stop tells to fix it in the console:\n%s", sn.screen)
			}
			if !strings.Contains(sn.screen, "?  2 ") {
				t.Errorf("the step is not marked ? in the sidebar:\n%s", sn.screen)
			}
			if r, g := strings.Index(sn.screen, "│ r  "), strings.Index(sn.screen, "│ g  "); r < 0 || g < 0 || r > g {
				t.Errorf("r (check again) is not offered before g:\n%s", sn.screen)
			}
			sn = u.press(letter('n'))
			if sn.phase != phaseStep || !strings.Contains(sn.screen, " ? t.token") || strings.Contains(sn.screen, "✗ t.token") {
				t.Errorf("after n the status line does not show t.token as ?:\n%s", sn.screen)
			}
			for !sn.done {
				if sn.phase == phaseFinal {
					sn = u.wait("the final checks", func(s snap) bool { return s.done })
					break
				}
				sn = u.press(enter)
			}
			if !strings.Contains(flat(sn.screen), flat(tf(txtFinalExitUnreached, l, 4))) || strings.Contains(flat(sn.screen), flat(tf(txtFinalExitCode, l, 4))) {
				t.Errorf("the final screen does not say the integration could not be checked:\n%s", sn.screen)
			}
			for _, want := range []string{tf(txtFinalUnreachedTitle1, l, 1), "setup-wizard verify -c /tmp/shop/setup-wizard.yaml", txtFinalUnreachedHelp.In(l), txtFinalUnreachedQuit.In(l)} {
				if !strings.Contains(flat(sn.screen), flat(want)) {
					t.Errorf("the final screen lacks %q:\n%s", want, sn.screen)
				}
			}
			u.send(enter)
			m := u.finish()
			var coded *wizard.ExitCodeError
			if !errors.As(m.outcome, &coded) || coded.Code != wizard.ExitUnreachable {
				t.Errorf("ended with %v, want exit code 4", m.outcome)
			}
		})
	}
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

// flat is s without any white space: a wrapped text and its source compare equal.
func flat(s string) string { return strings.Join(strings.Fields(s), "") }

// paneOf is the screen right of the sidebar's divider, where there is one.
func paneOf(screen string) string {
	var out []string
	for _, ln := range strings.Split(screen, "\n") {
		if _, pane, ok := strings.Cut(ln, "│"); ok {
			ln = pane
		}
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}

// collectedTestAnswers are the test flow's values up to its webhook step, the CMS step
// confirmed: where a check run after collecting has something to read.
func collectedTestAnswers() steps.Answers {
	return steps.Answers{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
		"flow.done.t.cms":                         "true",
		"line.messaging_api.webhook_url":          "https://cms.example/hook",
	}
}

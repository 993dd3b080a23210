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

// TestConfirmQuestionOnSmallScreens: the operator's confirmation of the callback URL at
// 100×30, 60×20 and 40×12, in both languages. The answers are always on screen under the
// explanation, which pgdn reads to the address to open; the footer shows the question's
// keys only (not those of the final screen behind it), and answering 1 passes the check.
func TestConfirmQuestionOnSmallScreens(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {60, 20}, {40, 12}} {
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], l), func(t *testing.T) {
				s := &wizard.Session{
					Engine:  wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.callback", Answers: walkAnswers()}),
					Lang:    l,
					Checker: emulated(t),
					Save:    (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
				}
				u := start(t, s, size[0], size[1])
				u.waitStep("line.callback")
				u.send(enter)
				title := []rune(fmt.Sprintf(txtConfirmTitle.In(l), ""))
				sn := u.wait("the question", func(s snap) bool { return s.done && strings.Contains(s.screen, string(title[:8])) })
				answers := map[steps.Lang][]string{
					steps.EN: {"1) A consent", "2) It went", "3) \"400 Bad"},
					steps.JA: {"1) 同意画面", "2) そのまま", "3) 「400 Bad"},
				}[l]
				// On a tiny screen pgdn reads the explanation on the whole pane, and any other
				// key brings the answers back.
				reading := func(sn snap) bool {
					return strings.Contains(squeeze(sn.screen), squeeze(txtConfirmReading.In(l))) ||
						strings.Contains(squeeze(sn.screen), squeeze(txtConfirmReadEnd.In(l)))
				}
				check := func(sn snap) {
					t.Helper()
					if n := strings.Count(sn.screen, "\n"); n != size[1] {
						t.Errorf("the screen is %d lines high, not %d:\n%s", n, size[1], sn.screen)
					}
					for _, a := range answers {
						if reading(sn) {
							break
						}
						if !strings.Contains(sn.screen, a) {
							t.Errorf("the answer %q is not in sight:\n%s", a, sn.screen)
						}
					}
					lines := strings.Split(strings.TrimRight(sn.screen, "\n"), "\n")
					foot := lines[len(lines)-1]
					if !strings.Contains(foot, "enter") || strings.Contains(foot, "enter/q") || strings.Contains(foot, "g ") {
						t.Errorf("the footer is not the question's: %q", foot)
					}
				}
				check(sn)
				// pgdn reads the explanation down to the address to open.
				read := sn.screen
				open := txtConfirmOpen.In(l)
				for i := 0; i < 20 && !strings.Contains(read, open); i++ {
					prev := sn.screen
					u.send(pgdown)
					sn = u.wait("pgdn to scroll", func(s snap) bool { return s.screen != prev })
					check(sn)
					read += sn.screen
				}
				if !strings.Contains(read, open) || !strings.Contains(read, "/oauth2/v2.1/aut") {
					t.Errorf("pgdn never reaches the address to open; last page:\n%s", sn.screen)
				}
				if reading(sn) {
					if size[1] > 12 {
						t.Errorf("the answers left the screen at %dx%d:\n%s", size[0], size[1], sn.screen)
					}
					prev := sn.screen
					u.send(letter('x'))
					sn = u.wait("the answers again", func(s snap) bool { return s.screen != prev })
					check(sn)
					if reading(sn) {
						t.Errorf("another key does not bring the answers back:\n%s", sn.screen)
					}
				}
				// o without a browser: the address and how to copy it come into sight.
				u.send(letter('o'))
				note := squeeze(string([]rune(txtNoBrowser.In(l))[:12]))
				sn = u.wait("the address shown for copying", func(s snap) bool { return strings.Contains(squeeze(s.screen), note) })
				if !strings.Contains(sn.screen, "http://127.0.0.1:") {
					t.Errorf("o without a browser: the address is not in sight:\n%s", sn.screen)
				}
				if reading(sn) {
					prev := sn.screen
					u.send(letter('x'))
					sn = u.wait("the answers again", func(s snap) bool { return s.screen != prev })
				}
				check(sn)
				u.send(letter('1'), enter)
				sn = u.wait("the answer recorded", func(s snap) bool { return s.done && !strings.Contains(s.screen, string(title[:8])) })
				u.send(enter)
				m := u.finish()
				if en, ok := m.ledger().Entry("line.login.callback"); !ok || en.Result == nil || en.Result.Status != verify.Pass || m.outcome != nil {
					t.Errorf("after answer 1: %+v, outcome %v:\n%s", en.Result, m.outcome, sn.screen)
				}
			})
		}
	}
}

// TestStopPanelSmallShowsTheProblem: at 60×20 and 40×12, in both languages, the panel that
// stops the walk on a failed check shows that check on its first page (above what to do
// about it), and pgdn reads on to its keys, wrapped to the width.
func TestStopPanelSmallShowsTheProblem(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {40, 12}} {
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], l), func(t *testing.T) {
				s, fc, _ := testSession(t, l, steps.Answers{
					"line.account_name":                       "Salon Test",
					"line.messaging_api.channel_access_token": "tok-0123456789",
					"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
				})
				s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
				fc.results["t.token"] = verify.Result{Status: verify.Fail, Step: "t.console",
					Message: steps.T("Chat is off, so customers' messages never reach the CMS.", "チャットがオフのため、お客様のメッセージがCMSに届きません。")}
				u := start(t, s, size[0], size[1])
				u.waitFocus("line.messaging_api.channel_access_token")
				u.send(enter)
				u.waitFocus("line.messaging_api.add_friend_url")
				u.send(enter)
				sn := u.wait("the stop panel", func(s snap) bool { return s.phase == phaseStop })
				if !strings.Contains(sn.screen, "✗ t.token") {
					t.Errorf("the failed check is not on the stop panel's first page:\n%s", sn.screen)
				}
				read := sn.screen
				goOn := squeeze(tail(strings.Split(txtStopKeys.In(l), "\n")[2], 8))
				for i := 0; i < 10 && !strings.Contains(squeeze(read), goOn); i++ {
					prev := sn.screen
					u.send(pgdown)
					sn = u.wait("pgdn to scroll", func(s snap) bool { return s.screen != prev })
					read += sn.screen
				}
				if !strings.Contains(squeeze(read), goOn) {
					t.Errorf("the keys' last line (%q) is never shown in full; last page:\n%s", goOn, sn.screen)
				}
				u.send(ctrlC)
				u.finish()
			})
		}
	}
}

// TestReadingKeyDoesNotType: on a small screen pgdn reads a step's instructions on the
// whole pane, hiding the focused field; the key that ends the reading only brings the
// field back and is not typed into it unseen (an x once turned the webhook URL into
// “…/line/webhookx”).
func TestReadingKeyDoesNotType(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) {
			s := &wizard.Session{
				Engine: wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.webhook", Answers: walkAnswers()}),
				Lang:   l,
				Save:   (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
			}
			u := start(t, s, 40, 12)
			u.waitFocus("line.messaging_api.webhook_url")
			before := u.p.snap().screen
			u.press(pgdown)
			u.wait("the instructions on the whole pane", func(s snap) bool { return s.screen != before })
			u.press(letter('x'))
			u.press(ctrlC)
			m := u.finish()
			for _, b := range m.binds {
				if b.key == "line.messaging_api.webhook_url" && b.str != nil && strings.HasSuffix(*b.str, "x") {
					t.Errorf("the key that ended the reading was typed into the field: %q", *b.str)
				}
			}
			if m.reading {
				t.Errorf("still reading after a key other than pgup/pgdn")
			}
		})
	}
}

// TestStopFooterKeepsEveryKey: at 40×12 the stop panel's footer is too narrow for the
// keys' words; it lists every key (g, r, n, ctrl+c) instead of cutting n off.
func TestStopFooterKeepsEveryKey(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) {
			fc := &fakeChecker{results: map[string]verify.Result{
				"line.bot": {Status: verify.Fail, Step: "line.chat", Message: steps.T("Chat is off.", "チャットがオフです。")},
			}}
			s := &wizard.Session{
				Engine:  wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: "line.collect", Answers: walkAnswers()}),
				Lang:    l,
				Checker: fc,
				Save:    (&fakeSave{path: "/tmp/shop/setup-wizard.yaml"}).save,
			}
			u := start(t, s, 40, 12)
			u.waitStep("line.collect")
			// Leave the collect step, then send nothing until the checks it started stop the
			// walk (a key sent meanwhile would go on to the next step).
			for i := 0; i < 8; i++ {
				if sn := u.press(enter); sn.phase == phaseStop || sn.step != "line.collect" {
					break
				}
			}
			sn := u.wait("the stop", func(s snap) bool { return s.phase == phaseStop })
			lines := strings.Split(strings.TrimRight(sn.screen, "\n"), "\n")
			foot := lines[len(lines)-1]
			for _, k := range []string{"g", "r", "n", "ctrl+c"} {
				if !strings.Contains(" "+foot+" ", " "+k+" ") {
					t.Errorf("the stop's footer lacks %q: %q", k, foot)
				}
			}
			u.press(ctrlC)
			u.finish()
		})
	}
}

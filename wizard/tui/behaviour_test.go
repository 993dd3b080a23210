package tui

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func testSession(t *testing.T, lang steps.Lang, given steps.Answers) (*wizard.Session, *fakeChecker, *fakeSave) {
	t.Helper()
	fc := &fakeChecker{results: map[string]verify.Result{}}
	fs := &fakeSave{path: "/tmp/shop/setup-wizard.yaml"}
	s := &wizard.Session{
		Engine:     wizard.New(testFlow(), given),
		Lang:       lang,
		Checker:    fc,
		Save:       fs.save,
		Draft:      &wizard.DraftFile{Path: t.TempDir() + "/draft.json"},
		ConfigPath: "/tmp/shop/setup-wizard.yaml",
	}
	return s, fc, fs
}

// walkIntro types the intro's two values and leaves the step.
func walkIntro(u *ui) {
	u.waitFocus("line.account_name")
	u.typ("Salon Test")
	u.send(enter)
	u.waitFocus("line.provider_name")
	u.typ("Test Inc.")
	u.send(enter)
	u.waitStep("t.console")
}

// passConsole answers yes to the console step's question.
func passConsole(u *ui) {
	u.waitFocus("flow.done.t.console")
	u.send(left, enter) // left moves to Yes
	u.waitStep("t.collect")
}

func TestTypingValuesWalksToTheNextStep(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	u := start(t, s, 100, 32)
	walkIntro(u)
	sn := u.waitText("Switch chat on")
	if !strings.Contains(sn.screen, "✓  1 Start") || !strings.Contains(sn.screen, "▸  2 Switch chat on") {
		t.Errorf("sidebar does not show step 1 done and step 2 current:\n%s", sn.screen)
	}
	u.send(ctrlC)
	m := u.finish()
	a := m.eng().Answers()
	if a.Get("line.account_name") != "Salon Test" || a.Get("line.provider_name") != "Test Inc." {
		t.Errorf("answers = %v", a)
	}
}

func TestValidationErrorShownWithFieldAndRule(t *testing.T) {
	for _, tc := range []struct {
		lang steps.Lang
		want string
	}{
		{steps.EN, "Account name: is too short. Copy the whole value."},
		{steps.JA, "アカウント名：短すぎます。"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			s, _, _ := testSession(t, tc.lang, nil)
			u := start(t, s, 100, 32)
			u.waitFocus("line.account_name")
			u.typ("ab")
			u.send(enter)
			sn := u.waitText(tc.want)
			if sn.step != "t.intro" || sn.focus != "line.account_name" {
				t.Errorf("the step or the focus moved: %q %q", sn.step, sn.focus)
			}
			u.send(ctrlC)
			u.finish()
		})
	}
}

func TestWarningShownThenSecondEnterPasses(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	u := start(t, s, 100, 32)
	walkIntro(u)
	passConsole(u)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.typ("0123456789abc")
	u.send(enter)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.typ("https://line.me/R/ti/p/%40abc")
	u.send(enter)
	sn := u.waitText("is not a lin.ee link.")
	if sn.step != "t.collect" {
		t.Fatalf("a warning must hold the step once, at %q", sn.step)
	}
	if strings.Contains(sn.screen, "0123456789abc") {
		t.Errorf("the secret is shown in full while warnings wait:\n%s", sn.screen)
	}
	u.send(enter)
	u.waitStep("t.cms")
	u.send(ctrlC)
	u.finish()
}

func TestBackKeepsEveryValue(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	u := start(t, s, 100, 32)
	walkIntro(u)
	u.waitFocus("flow.done.t.console")
	u.send(shiftTab)
	u.waitStep("t.intro")
	sn := u.waitText("Salon Test")
	if !strings.Contains(sn.screen, "Test Inc.") {
		t.Errorf("going back lost a value:\n%s", sn.screen)
	}
	// Forward again without typing: the values are still there and valid.
	u.send(enter)
	u.waitFocus("line.provider_name")
	u.send(enter)
	u.waitStep("t.console")
	// Back from the second field of a step moves to the first field, not to another step.
	passConsole(u)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.typ("tok-0123456789")
	u.send(tab)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.send(shiftTab)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.send(shiftTab)
	u.waitStep("t.console")
	u.send(ctrlC)
	m := u.finish()
	if got := m.eng().Value("line.messaging_api.channel_access_token"); got != "tok-0123456789" {
		t.Errorf("token after going back = %q", got)
	}
}

func TestCtrlCSavesDraftAndReturnsInterrupted(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	u := start(t, s, 100, 32)
	walkIntro(u)
	u.send(ctrlC)
	m := u.finish()
	if !errors.Is(m.outcome, wizard.ErrInterrupted) {
		t.Fatalf("outcome = %v", m.outcome)
	}
	dr, ok, err := s.Draft.Load()
	if err != nil || !ok {
		t.Fatalf("no draft: %v %v", ok, err)
	}
	if dr.Step != "t.console" || dr.Answers.Get("line.account_name") != "Salon Test" {
		t.Errorf("draft = %+v", dr)
	}
}

func TestRunReturnsInterruptedOnCtrlC(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	in := &keyReader{keys: []string{"S", "a", "l", "\x03"}}
	err := Run(t.Context(), s, Options{In: in, Out: io.Discard, Width: 90, Height: 30, static: true})
	if !errors.Is(err, wizard.ErrInterrupted) {
		t.Fatalf("Run = %v, want ErrInterrupted", err)
	}
	if _, ok, _ := s.Draft.Load(); !ok {
		t.Error("no draft after ctrl+c")
	}
}

// keyReader hands the program one key at a time, as a terminal would.
type keyReader struct {
	keys []string
}

func (k *keyReader) Read(p []byte) (int, error) {
	if len(k.keys) == 0 {
		time.Sleep(10 * time.Millisecond)
		return 0, nil
	}
	time.Sleep(20 * time.Millisecond)
	n := copy(p, k.keys[0])
	k.keys = k.keys[1:]
	return n, nil
}

func TestResumeFromDraft(t *testing.T) {
	s, _, _ := testSession(t, steps.JA, nil)
	s.Pending = &wizard.Draft{Flow: "test", Step: "t.collect", Answers: steps.Answers{"line.account_name": "Salon Draft"}, Saved: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)}
	u := start(t, s, 100, 32)
	sn := u.waitText("前回の続きから始めますか？")
	if !strings.Contains(sn.screen, "「値を集める」") {
		t.Errorf("the resume question does not name the step:\n%s", sn.screen)
	}
	u.send(enter)
	sn = u.waitStep("t.collect")
	if !strings.Contains(sn.screen, "✓  1 はじめに") {
		t.Errorf("steps before the draft's are not done:\n%s", sn.screen)
	}
	u.send(ctrlC)
	m := u.finish()
	if m.eng().Value("line.account_name") != "Salon Draft" {
		t.Errorf("draft answers not restored")
	}
}

func TestStartOverDeletesDraft(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	if err := s.Draft.Save(wizard.Draft{Flow: "test", Step: "t.collect"}); err != nil {
		t.Fatal(err)
	}
	s.Pending = &wizard.Draft{Flow: "test", Step: "t.collect", Saved: time.Now()}
	u := start(t, s, 100, 32)
	u.waitText("Continue where you left off?")
	u.send(down, enter)
	u.waitStep("t.intro")
	// The intro was entered, so a fresh draft exists; it must be at the start.
	dr, ok, _ := s.Draft.Load()
	if !ok || dr.Step != "t.intro" {
		t.Errorf("draft after starting over = %+v %v", dr, ok)
	}
	u.send(ctrlC)
	u.finish()
}

// walkToHandover gets the test flow to the handover step with every value given.
func walkToHandover(t *testing.T, lang steps.Lang) (*ui, *wizard.Session, *fakeChecker, *fakeSave) {
	t.Helper()
	s, fc, fs := testSession(t, lang, steps.Answers{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
		"flow.done.t.console":                     "true",
	})
	s.Engine.GoTo("t.collect")
	fc.results["t.token"] = verify.Result{Status: verify.Pass, Message: steps.T("Token is valid.", "トークンは有効です。"),
		Learnt: map[string]string{"line.messaging_api.channel_id": "2000000001"}}
	u := start(t, s, 100, 32)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.send(enter)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.send(enter)
	u.waitStep("t.cms")
	u.waitText("Token is valid.")
	return u, s, fc, fs
}

func TestHandoverSavesConfigAndCopies(t *testing.T) {
	u, s, _, fs := walkToHandover(t, steps.EN)
	sn := u.waitText("2000000001")
	if strings.Contains(sn.screen, "tok-0123456789") || !strings.Contains(sn.screen, "tok-… (14 characters)") {
		t.Errorf("the token is not masked to its first four characters:\n%s", sn.screen)
	}
	u.send(ctrlR)
	u.waitText("tok-0123456789")
	u.send(ctrlR)
	u.wait("masked again", func(s snap) bool { return !strings.Contains(s.screen, "tok-0123456789") })
	u.send(down) // the token row
	u.send(letter('c'))
	u.waitText("Sent to the terminal's clipboard: Token")
	u.send(left, enter) // Yes: pasted
	u.waitStep("t.hook")
	u.waitText("Saved to /tmp/shop/setup-wizard.yaml")
	answers, results := fs.calls()
	if len(answers) != 1 || results[0] != nil {
		t.Fatalf("save calls = %d, results %v", len(answers), results)
	}
	a := answers[0]
	for k, want := range map[string]string{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.channel_id":           "2000000001",
		"line.flow":                               "new",
	} {
		if a.Get(k) != want {
			t.Errorf("saved %s = %q, want %q", k, a.Get(k), want)
		}
	}
	u.send(ctrlC)
	u.finish()
	_ = s
}

func TestHandoverSaveErrorKeepsStep(t *testing.T) {
	u, _, _, fs := walkToHandover(t, steps.EN)
	fs.mu.Lock()
	fs.err = errors.New("permission denied")
	fs.mu.Unlock()
	u.send(left, enter)
	sn := u.waitText("permission denied")
	if sn.step != "t.cms" {
		t.Errorf("a failed save passed the step")
	}
	u.send(ctrlC)
	u.finish()
}

func TestFailedCheckMarksStepAndJumps(t *testing.T) {
	s, fc, _ := testSession(t, steps.EN, steps.Answers{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
	})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
	fc.results["t.token"] = verify.Result{Status: verify.Fail, Step: "t.console",
		Message: steps.T("Chat is off \x1b]52;c;ZXZpbA==\x07in the manager.\x1b[2J", "チャットがオフです。")}
	u := start(t, s, 100, 32)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.send(enter)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.send(enter)
	sn := u.waitText("g  go to step 2 “Switch chat on”")
	for _, want := range []string{"A check did not pass", "→ fix on step 2 “Switch chat on”", "r  check again now", "n  continue anyway"} {
		if !strings.Contains(sn.screen, want) {
			t.Errorf("the stop panel lacks %q:\n%s", want, sn.screen)
		}
	}
	if !strings.Contains(sn.screen, "✗  2 Switch chat on") {
		t.Errorf("the failed step is not marked:\n%s", sn.screen)
	}
	if strings.Contains(sn.raw, "ZXZpbA") || strings.Contains(sn.raw, "\x1b]52") || strings.Contains(sn.raw, "\x1b[2J") {
		t.Errorf("an escape sequence from the API reached the screen: %q", sn.raw)
	}
	if !strings.Contains(sn.screen, "Chat is off in the manager.") {
		t.Errorf("the cleaned message is missing:\n%s", sn.screen)
	}
	u.send(letter('g'))
	sn = u.waitStep("t.console")
	if !strings.Contains(sn.screen, "✗  2 Switch chat on") {
		t.Errorf("after the jump the step is not marked failed:\n%s", sn.screen)
	}
	u.send(ctrlC)
	u.finish()
	out, _ := io.ReadAll(u.tm.Output())
	if strings.Contains(string(out), "ZXZpbA") {
		t.Error("the API's escape sequence reached the terminal")
	}
	if calls := fc.ran(); len(calls) != 1 || calls[0][0] != "t.token" {
		t.Errorf("checker calls = %v", calls)
	}
}

func TestFinalScreenRunsEveryCheckAndSaves(t *testing.T) {
	s, fc, fs := testSession(t, steps.EN, steps.Answers{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
		"flow.done.t.cms":                         "true",
	})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.hook", Answers: s.Engine.Raw()})
	if err := s.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	u := start(t, s, 100, 32)
	u.waitFocus("line.messaging_api.webhook_url")
	u.typ("https://cms.example/hook")
	u.send(enter)
	sn := u.waitText("setup-wizard verify -c /tmp/shop/setup-wizard.yaml")
	if !strings.Contains(sn.screen, "✓ t.token") || !strings.Contains(sn.screen, "✓ t.webhook") {
		t.Errorf("the final screen does not list every result:\n%s", sn.screen)
	}
	u.send(enter)
	m := u.finish()
	if m.outcome != nil || !m.finalDone {
		t.Fatalf("outcome %v done %v", m.outcome, m.finalDone)
	}
	calls := fc.ran()
	last := calls[len(calls)-1]
	if strings.Join(last, ",") != "t.token,t.webhook" {
		t.Errorf("final run = %v", last)
	}
	answers, results := fs.calls()
	if len(results) == 0 || len(results[len(results)-1]) != 2 {
		t.Errorf("final save without results: %v", results)
	}
	if answers[len(answers)-1].Get("line.messaging_api.webhook_url") != "https://cms.example/hook" {
		t.Errorf("final save answers = %v", answers[len(answers)-1])
	}
	if _, ok, _ := s.Draft.Load(); ok {
		t.Error("the draft is kept after the config was written")
	}
}

func TestOpenWithoutBrowserShowsURL(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test"})
	s.Engine.GoTo("t.console")
	u := start(t, s, 100, 32)
	u.waitFocus("flow.done.t.console")
	u.send(letter('l'), letter('o'))
	sn := u.waitText("No browser can be opened here")
	if !strings.Contains(sn.screen, "https://console.example/") {
		t.Errorf("the URL is not shown:\n%s", sn.screen)
	}
	u.send(letter('c'))
	u.waitText("Sent to the terminal's clipboard: https://console.example/")
	u.send(ctrlC)
	u.finish()
}

func TestOpenCallsOpener(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test"})
	s.Engine.GoTo("t.console")
	opened := make(chan string, 1)
	s.OpenURL = func(u string) error { opened <- u; return nil }
	u := start(t, s, 100, 32)
	u.waitFocus("flow.done.t.console")
	u.send(letter('o'))
	u.waitText("Opened https://manager.example/")
	if got := <-opened; got != "https://manager.example/" {
		t.Errorf("opened %q", got)
	}
	u.send(ctrlC)
	u.finish()
}

// TestRecheckAfterFix: a check fails and names a console step; the walk stops there and
// the operator goes to it with g, fixes it and answers yes: the check runs again in place;
// when it passes the walk returns to where the operator was, when it fails again the
// operator stays on the step with the result in sight.
func TestRecheckAfterFix(t *testing.T) {
	chatOff := verify.Result{Status: verify.Fail, Step: "t.console", Message: steps.T("Chat is off.", "チャットがオフです。")}
	for _, tc := range []struct {
		name   string
		second verify.Result
		marked bool
	}{
		{"passes", verify.Result{Status: verify.Pass, Message: steps.T("Chat is on now.", "チャットはオンです。")}, false},
		{"fails again", chatOff, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, fc, _ := testSession(t, steps.EN, steps.Answers{
				"line.account_name":                       "Salon Test",
				"line.messaging_api.channel_access_token": "tok-0123456789",
				"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
			})
			s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
			var fixed []string
			s.Fixed = func(id string) { fixed = append(fixed, id) }
			fc.seq = map[string][]verify.Result{"t.token": {chatOff, tc.second}}
			u := start(t, s, 100, 32)
			u.waitFocus("line.messaging_api.channel_access_token")
			u.send(enter)
			u.waitFocus("line.messaging_api.add_friend_url")
			u.send(enter)
			u.waitText("g  go to step 2")
			u.send(letter('g'))
			sn := u.waitFocus("flow.done.t.console")
			if !strings.Contains(sn.screen, "press r to check again here") {
				t.Errorf("the step a failure sent to does not offer to check again:\n%s", sn.screen)
			}
			u.send(left, enter) // Yes: fixed in the console
			if tc.marked {
				sn = u.wait("the check failed again", func(s snap) bool {
					return len(fc.ran()) == 2 && s.step == "t.console" && strings.Contains(s.screen, "still not passing")
				})
				if !strings.Contains(sn.screen, "✗  2 Switch chat on") || !strings.Contains(sn.screen, "Chat is off.") {
					t.Errorf("the failure is not shown on its step:\n%s", sn.screen)
				}
			} else {
				sn = u.wait("the walk back where it was", func(s snap) bool {
					return s.step == "t.cms" && strings.Contains(s.screen, "✓  2 Switch chat on")
				})
				if !strings.Contains(sn.screen, "passes now") {
					t.Errorf("the fix is not confirmed:\n%s", sn.screen)
				}
			}
			u.send(ctrlC)
			m := u.finish()
			if got := m.eng().State("t.console") == wizard.Failed; got != tc.marked {
				t.Errorf("t.console marked failed = %v, want %v:\n%s", got, tc.marked, sn.screen)
			}
			calls := fc.ran()
			if len(calls) != 2 || !slices.Contains(calls[1], "t.token") {
				t.Errorf("checker calls = %v, want the failed check run again", calls)
			}
			if len(fixed) != 1 || fixed[0] != "t.console" {
				t.Errorf("Fixed told %v, want [t.console]", fixed)
			}
		})
	}
}

// TestNoRecheckWhenNothingFailed: passing a step that no check marked runs nothing.
func TestNoRecheckWhenNothingFailed(t *testing.T) {
	s, fc, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test"})
	s.Engine.GoTo("t.console")
	u := start(t, s, 100, 32)
	passConsole(u)
	u.send(ctrlC)
	u.finish()
	if calls := fc.ran(); len(calls) != 0 {
		t.Errorf("checker calls = %v", calls)
	}
}

// TestBackFromFirstStepReturnsToTheQuestion: when a question chose the walk, shift+tab on
// the first step ends it with ErrBackToStart (the command asks the question again); when
// none did, nothing happens.
func TestBackFromFirstStepReturnsToTheQuestion(t *testing.T) {
	for _, asked := range []bool{true, false} {
		s, _, _ := testSession(t, steps.EN, nil)
		s.BackToStart = asked
		u := start(t, s, 100, 32)
		u.waitFocus("line.account_name")
		u.send(shiftTab)
		if !asked {
			u.send(letter('x'))
			u.wait("the key after shift+tab", func(s snap) bool { return strings.Contains(s.screen, "> x") })
			u.send(ctrlC)
		}
		m := u.finish()
		if got := errors.Is(m.outcome, wizard.ErrBackToStart); got != asked {
			t.Errorf("asked=%v: outcome %v", asked, m.outcome)
		}
	}
}

// "Copied" is said only when the desktop's clipboard took the value; when it fails, the
// value goes to the terminal (OSC 52) and the note says it was sent there.
func TestCopySaysCopiedOnlyWhenItIs(t *testing.T) {
	for _, fail := range []bool{false, true} {
		s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test"})
		s.Engine.GoTo("t.console")
		var got []string
		var mu sync.Mutex
		s.Clipboard = func(_ context.Context, text string) error {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, text)
			if fail {
				return errors.New("xclip: cannot open display")
			}
			return nil
		}
		u := start(t, s, 100, 32)
		u.waitFocus("flow.done.t.console")
		u.send(letter('l'), letter('c'))
		if fail {
			u.waitText("Sent to the terminal's clipboard: https://console.example/")
		} else {
			u.waitText("Copied: https://console.example/")
		}
		u.send(ctrlC)
		u.finish()
		mu.Lock()
		if !slices.Equal(got, []string{"https://console.example/"}) {
			t.Errorf("fail=%v: the clipboard got %q", fail, got)
		}
		mu.Unlock()
	}
}

// TestCtrlRRevealsTheSecretInFull: the input has room for a part of a long token; ctrl+r
// shows the whole value under the fields, and hides it again.
func TestCtrlRRevealsTheSecretInFull(t *testing.T) {
	token := strings.Repeat("AbCd0123", 20) + "Zz"
	s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test", "line.messaging_api.channel_access_token": token})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
	u := start(t, s, 80, 30)
	sn := u.waitFocus("line.messaging_api.channel_access_token")
	if strings.Contains(sn.screen, "AbCd0123AbCd") {
		t.Fatalf("the token is shown before ctrl+r:\n%s", sn.screen)
	}
	u.send(ctrlR)
	sn = u.waitText("in full (ctrl+r hides it)")
	if !strings.Contains(squeeze(sn.screen), token) {
		t.Errorf("the whole token is not shown:\n%s", sn.screen)
	}
	u.send(ctrlR)
	u.wait("the token hidden again", func(s snap) bool { return !strings.Contains(s.screen, "AbCd0123AbCd") })
	u.send(ctrlC)
	u.finish()
}

// TestStatusLineNamesTheTimedOutCheck: after a run where one check timed out and the
// checks behind it were skipped, the status line names the one that timed out; while
// checks run it counts them ("Checking 2 of 3…"), and a check waiting for another shows
// no spinner.
func TestStatusLineNamesTheTimedOutCheck(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, steps.Answers{"line.account_name": "Salon Test"})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
	m := newModel(context.Background(), s, Options{Width: 100, Height: 32})
	m.static = true
	l := m.ledger()
	l.Start([]string{"t.token", "t.secret", "t.friend"}, "t.collect")
	l.Apply(verify.Event{ID: "t.token", Kind: verify.Started}, "t.collect")
	l.Apply(verify.Event{ID: "t.token", Kind: verify.Finished, Result: verify.Result{ID: "t.token", Status: verify.Pass}}, "t.collect")
	l.Apply(verify.Event{ID: "t.secret", Kind: verify.Started}, "t.collect")
	if got := plain(m.statusLine()); !strings.Contains(got, "Checking 2 of 3…") {
		t.Errorf("status while running: %q", got)
	}
	if lines := strings.Join(m.checkLines("t.collect", 80), "\n"); !strings.Contains(plain(lines), "· t.friend  waits for the checks it needs") {
		t.Errorf("a check waiting for another is drawn as running:\n%s", plain(lines))
	}
	results := []verify.Result{
		{ID: "t.token", Status: verify.Error, Message: steps.T("No answer within 10s.", "10秒以内に応答がありませんでした。")},
		{ID: "t.secret", Status: verify.Skipped, Message: steps.T("Not checked, because t.token did not pass.", "確認していません。")},
		{ID: "t.friend", Status: verify.Skipped, Message: steps.T("Not checked, because t.token did not pass.", "確認していません。")},
	}
	l.Ended([]string{"t.token", "t.secret", "t.friend"}, results, "t.collect")
	m.headline = headline(results)
	if m.headline == nil || m.headline.ID != "t.token" {
		t.Errorf("headline %+v, want the timed-out check", m.headline)
	}
	got := plain(m.statusLine())
	if !strings.Contains(got, "t.token  No answer within 10s.") || strings.Contains(got, "t.friend") {
		t.Errorf("status after the run: %q", got)
	}
}

// TestChangedValueMarksResultsStale: back on the collect step after its checks ran,
// typing a new token marks the result that read the old one as stale at once; passing the
// step runs it again.
func TestChangedValueMarksResultsStale(t *testing.T) {
	s, fc, _ := testSession(t, steps.EN, steps.Answers{
		"line.account_name":                       "Salon Test",
		"line.messaging_api.channel_access_token": "tok-0123456789",
		"line.messaging_api.add_friend_url":       "https://lin.ee/AbCdEf",
	})
	s.Engine = wizard.Resume(testFlow(), wizard.Draft{Step: "t.collect", Answers: s.Engine.Raw()})
	u := start(t, s, 100, 32)
	u.waitFocus("line.messaging_api.channel_access_token")
	u.send(enter)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.send(enter)
	u.waitStep("t.cms")
	u.wait("the check done", func(s snap) bool { return len(fc.ran()) == 1 && strings.Contains(s.screen, "t.token  All good.") })
	u.send(shiftTab) // back to the collect step, on its first field
	u.waitStep("t.collect")
	u.waitFocus("line.messaging_api.channel_access_token")
	u.typ("9")
	sn := u.waitText("(a value changed since")
	if !strings.Contains(sn.screen, "t.token  All good.") {
		t.Errorf("the stale result is not shown with its mark:\n%s", sn.screen)
	}
	u.send(enter)
	u.waitFocus("line.messaging_api.add_friend_url")
	u.send(enter)
	u.waitStep("t.cms")
	u.wait("the check run again", func(s snap) bool { return len(fc.ran()) == 2 && !strings.Contains(s.screen, "value changed since") })
	u.send(ctrlC)
	u.finish()
}

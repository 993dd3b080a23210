package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Golden screens of the first-time LINE flow, as plain text (the program runs with the
// ASCII colour profile; styles are stripped so that a cursor blink cannot change a
// golden). Update them with: go test ./wizard/tui/ -run Golden -update

// sampleAnswers are the sandbox's values: every check of the emulator passes with them.
func sampleAnswers() steps.Answers {
	return steps.Answers{
		"line.account_name":                       sample.AccountName,
		"line.provider_name":                      sample.ProviderName,
		"line.policy.privacy_policy_url":          sample.PrivacyPolicyURL,
		"line.policy.terms_url":                   sample.TermsURL,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
	}
}

// lineSession puts the first-time LINE flow at step id, every earlier step done.
func lineSession(t *testing.T, lang steps.Lang, id string, a steps.Answers) (*wizard.Session, *fakeChecker) {
	t.Helper()
	fc := &fakeChecker{results: map[string]verify.Result{}}
	fs := &fakeSave{path: "/home/shop/setup-wizard.yaml"}
	return &wizard.Session{
		Engine:     wizard.Resume(line.FlowNew(), wizard.Draft{Flow: line.FlowNewID, Step: id, Answers: a}),
		Lang:       lang,
		Checker:    fc,
		Save:       fs.save,
		Draft:      &wizard.DraftFile{Path: t.TempDir() + "/draft.json"},
		ConfigPath: "/home/shop/setup-wizard.yaml",
	}, fc
}

func langs(t *testing.T, f func(t *testing.T, l steps.Lang)) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		t.Run(string(l), func(t *testing.T) { f(t, l) })
	}
}

func TestGoldenIntro(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := lineSession(t, l, "line.intro", nil)
		u := start(t, s, 100, 32)
		sn := u.waitFocus("line.account_name")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenConsoleStep(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := lineSession(t, l, "line.publish_login", steps.Answers{"line.account_name": sample.AccountName})
		u := start(t, s, 100, 32)
		sn := u.waitFocus("flow.done.line.publish_login")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenCollectMasked(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := lineSession(t, l, "line.collect", sampleAnswers())
		s.Sandbox = true
		u := start(t, s, 100, 32)
		sn := u.waitFocus("line.messaging_api.channel_access_token")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenHandover(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		a := sampleAnswers()
		a["line.messaging_api.channel_id"] = sample.ChannelID
		s, _ := lineSession(t, l, "line.cms", a)
		u := start(t, s, 100, 32)
		sn := u.waitFocus("flow.done.line.cms")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenFailedCheck(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, fc := lineSession(t, l, "line.collect", sampleAnswers())
		fc.results["line.bot"] = verify.Result{Status: verify.Fail, Step: "line.chat_on",
			Message: steps.T("Chat is off, so customers' messages never reach the CMS. Switch Chat on in step 3.",
				"チャットがオフのため、お客様のメッセージがCMSに届きません。ステップ3でチャットをオンにしてください。")}
		fc.results["line.friend_url"] = verify.Result{Status: verify.Skipped, Message: steps.T("Not checked: line.bot failed.", "line.botが失敗したため確認していません。")}
		u := start(t, s, 100, 32)
		for _, k := range []string{"line.messaging_api.channel_access_token", "line.messaging_api.channel_secret",
			"line.messaging_api.add_friend_url", "line.login.channel_id", "line.login.channel_secret"} {
			u.waitFocus(k)
			u.send(enter)
		}
		// The walk stops: which check, why, the step to fix it on, and the ways on.
		sn := u.wait("the stop panel", func(s snap) bool { return s.phase == phaseStop })
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenNarrow(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := lineSession(t, l, "line.chat_on", steps.Answers{"line.account_name": sample.AccountName})
		s.Sandbox = true
		u := start(t, s, 70, 28)
		sn := u.waitFocus("flow.done.line.chat_on")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenFinal(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		a := sampleAnswers()
		a["line.messaging_api.webhook_url"] = sample.WebhookURL
		a["flow.line.set_webhook"] = "true"
		s, _ := lineSession(t, l, "line.callback", a)
		u := start(t, s, 100, 32)
		u.waitFocus("line.login.callback_url")
		u.typ(sample.CallbackURL)
		u.send(enter)
		sn := u.wait("the final screen", func(s snap) bool { return s.done && !strings.Contains(s.screen, "⠋") })
		golden.RequireEqual(t, sn.screen)
		u.send(enter)
		u.finish()
	})
}

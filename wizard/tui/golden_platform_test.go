package tui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Golden screens with the Leporto profile (--platform leporto): the policy URLs are
// filled in from the profile without typing, and the CMS step speaks the Leporto CMS's
// own buttons.

func leportoSession(t *testing.T, lang steps.Lang, id string, a steps.Answers) *wizard.Session {
	t.Helper()
	p, ok := platform.Builtin("leporto")
	if !ok {
		t.Fatal("no leporto profile")
	}
	fs := &fakeSave{path: "/home/shop/setup-wizard.yaml"}
	return &wizard.Session{
		Engine:     wizard.Resume(line.FlowNewFor(p), wizard.Draft{Flow: line.FlowNewID, Step: id, Answers: a}),
		Lang:       lang,
		Checker:    &fakeChecker{results: map[string]verify.Result{}},
		Save:       fs.save,
		Draft:      &wizard.DraftFile{Path: t.TempDir() + "/draft.json"},
		ConfigPath: "/home/shop/setup-wizard.yaml",
	}
}

func withoutPolicy() steps.Answers {
	a := sampleAnswers()
	delete(a, "line.policy.privacy_policy_url")
	delete(a, "line.policy.terms_url")
	return a
}

func TestGoldenLeportoPolicyURLs(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		u := start(t, leportoSession(t, l, "line.messaging_api", withoutPolicy()), 100, 32)
		u.waitFocus("line.policy.privacy_policy_url")
		sn := u.waitText("https://leporto.com/terms")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

func TestGoldenLeportoCMS(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		u := start(t, leportoSession(t, l, "line.cms", withoutPolicy()), 100, 32)
		sn := u.waitText("https://leporto.com/privacy")
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

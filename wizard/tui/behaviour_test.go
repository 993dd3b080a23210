package tui

import (
	"errors"
	"strings"
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

func TestSmoke(t *testing.T) {
	s, _, _ := testSession(t, steps.EN, nil)
	u := start(t, s, 100, 32)
	t.Log("\n" + u.waitText("Account name").screen)
	u.send(ctrlC)
	m := u.finish()
	if !errors.Is(m.outcome, wizard.ErrInterrupted) {
		t.Fatal(m.outcome)
	}
	_ = strings.Contains
	_ = time.Now
}

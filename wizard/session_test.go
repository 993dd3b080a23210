package wizard_test

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func TestSessionSaveDraftWithoutDraft(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	s := &wizard.Session{Engine: wizard.New(testFlow(), nil)}
	if err := s.SaveDraft(); err != nil {
		t.Fatalf("SaveDraft without a draft file: %v", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("SaveDraft without a draft file wrote %d entries", len(entries))
	}
}

func TestSessionSaveDraft(t *testing.T) {
	df := wizard.DraftFor(filepath.Join(t.TempDir(), "setup-wizard"), "test", "shop.yaml")
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon", kSkipExtra: "true"})
	s := &wizard.Session{Engine: e, Draft: df}

	load := func() wizard.Draft {
		t.Helper()
		if err := s.SaveDraft(); err != nil {
			t.Fatal(err)
		}
		dr, ok, err := df.Load()
		if err != nil || !ok {
			t.Fatalf("Load: ok=%v err=%v", ok, err)
		}
		if dr.Flow != "test" {
			t.Errorf("draft flow %q, want test", dr.Flow)
		}
		if dr.Saved.IsZero() {
			t.Error("draft has no time")
		}
		return dr
	}

	for _, want := range []string{"t.intro", "t.derived", "t.last", ""} {
		dr := load()
		if dr.Step != want {
			t.Errorf("draft step %q, want %q", dr.Step, want)
		}
		// The raw answers: derived values only once their step was passed.
		if !maps.Equal(dr.Answers, e.Raw()) {
			t.Errorf("at %q: draft answers %v, want Raw %v", want, dr.Answers, e.Raw())
		}
		if want == "t.derived" {
			if _, ok := dr.Answers[kSlug]; ok {
				t.Error("draft holds a derived value not yet shown and passed")
			}
		}
		if want != "" {
			mustNext(t, e)
		}
	}
	if fi, err := os.Stat(df.Path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("draft file: %v, %v", fi, err)
	}
}

package wizard_test

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func TestDraftRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "setup-wizard") // does not exist yet
	df := wizard.DraftFor(dir, "line.new", "shop.yaml")
	if filepath.Dir(df.Path) != dir {
		t.Fatalf("draft %s is not in %s", df.Path, dir)
	}

	saved := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	want := wizard.Draft{
		Flow: "line.new",
		Step: "line.collect",
		Answers: steps.Answers{
			"line.account_name":          "Salon Sandbox",
			line.FlowOAExists:            "true",
			"line.policy.terms_url":      "https://cms.example.com/terms",
			"naver.pc_web.callback_urls": "https://sample.com/a\nhttps://sample.com/b",
		},
		Saved: saved,
	}
	if err := df.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := df.Load()
	if err != nil || !ok {
		t.Fatalf("Load: ok=%v err=%v", ok, err)
	}
	if got.Flow != want.Flow || got.Step != want.Step || !got.Saved.Equal(saved) || !maps.Equal(got.Answers, want.Answers) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}

	fi, err := os.Stat(df.Path)
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o600 {
		t.Errorf("draft mode %o, want 600", m)
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if m := di.Mode().Perm(); m != 0o700 {
		t.Errorf("draft directory mode %o, want 700", m)
	}

	// Saving again replaces the file atomically: one file, no temporary left behind, the
	// mode still 0600.
	want.Step = "line.cms"
	if err := df.Save(want); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != filepath.Base(df.Path) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only %s", names, filepath.Base(df.Path))
	}
	if fi, _ := os.Stat(df.Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after a second save %o", fi.Mode().Perm())
	}
	if got, _, _ := df.Load(); got.Step != "line.cms" {
		t.Errorf("second save not read back: step %q", got.Step)
	}

	if err := df.Delete(); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := df.Load(); ok || err != nil {
		t.Errorf("Load after Delete: ok=%v err=%v", ok, err)
	}
}

func TestDraftSaveStampsTime(t *testing.T) {
	df := wizard.DraftFor(t.TempDir(), "naver", "shop.yaml")
	before := time.Now().Add(-time.Second)
	if err := df.Save(wizard.Draft{Flow: "naver", Step: "naver.intro"}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := df.Load()
	if err != nil || !ok {
		t.Fatalf("Load: ok=%v err=%v", ok, err)
	}
	if got.Saved.Before(before) {
		t.Errorf("Saved = %v, want the time of saving", got.Saved)
	}
}

func TestDraftLoadMissing(t *testing.T) {
	df := wizard.DraftFor(filepath.Join(t.TempDir(), "absent"), "line.new", "shop.yaml")
	dr, ok, err := df.Load()
	if ok || err != nil {
		t.Fatalf("missing draft: ok=%v err=%v", ok, err)
	}
	if dr.Flow != "" || dr.Step != "" || dr.Answers != nil {
		t.Errorf("missing draft gave %+v", dr)
	}
	if err := df.Delete(); err != nil {
		t.Errorf("Delete of a missing draft: %v", err)
	}
}

func TestDraftLoadDamaged(t *testing.T) {
	for name, content := range map[string]string{
		"truncated":  `{"flow": "line.new", "step": "line.col`,
		"not json":   "this is not a draft\n",
		"wrong type": `{"flow": "line.new", "answers": ["a", "b"]}`,
	} {
		t.Run(name, func(t *testing.T) {
			df := wizard.DraftFor(t.TempDir(), "line.new", "shop.yaml")
			if err := os.WriteFile(df.Path, []byte(content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, ok, err := df.Load()
			if err == nil || ok {
				t.Fatalf("damaged draft: ok=%v err=%v", ok, err)
			}
			if !strings.Contains(err.Error(), "--fresh") || !strings.Contains(err.Error(), df.Path) {
				t.Errorf("error %q should name the file and --fresh", err)
			}
		})
	}
}

func TestDraftLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	df := wizard.DraftFor(dir, "line.new", "shop.yaml")
	if err := os.Mkdir(df.Path, 0o700); err != nil { // a directory where the file should be
		t.Fatal(err)
	}
	if _, ok, err := df.Load(); err == nil || ok {
		t.Errorf("unreadable draft: ok=%v err=%v", ok, err)
	}
}

func TestDraftForNames(t *testing.T) {
	dir := t.TempDir()
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	base := wizard.DraftFor(dir, "line.new", "shop.yaml").Path
	for _, c := range []struct {
		flow, config string
		same         bool
	}{
		{"line.new", "shop.yaml", true},
		{"line.new", filepath.Join(cwd, "shop.yaml"), true}, // the same file, named absolutely
		{"line.new", "./shop.yaml", true},
		{"line.new", "other.yaml", false},
		{"line.new", "sub/shop.yaml", false},
		{"line.switch", "shop.yaml", false},
		{"naver", "shop.yaml", false},
	} {
		p := wizard.DraftFor(dir, c.flow, c.config).Path
		if (p == base) != c.same {
			t.Errorf("DraftFor(%s, %s) = %s; same as for line.new shop.yaml: %v, want %v", c.flow, c.config, p, p == base, c.same)
		}
		if filepath.Dir(p) != dir || !strings.Contains(filepath.Base(p), c.flow) {
			t.Errorf("DraftFor(%s, %s) = %s: want a file in %s naming the flow", c.flow, c.config, p, dir)
		}
	}
}

func TestStateDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	fallback := filepath.Join(home, ".local", "state", "setup-wizard")
	abs := filepath.Join(t.TempDir(), "xdg")
	for _, c := range []struct {
		xdg, want string
	}{
		{abs, filepath.Join(abs, "setup-wizard")},
		{"", fallback},
		{"relative/state", fallback}, // the spec ignores relative paths
	} {
		t.Setenv("XDG_STATE_HOME", c.xdg)
		got, err := wizard.StateDir()
		if err != nil {
			t.Fatalf("XDG_STATE_HOME=%q: %v", c.xdg, err)
		}
		if got != c.want {
			t.Errorf("XDG_STATE_HOME=%q: StateDir = %s, want %s", c.xdg, got, c.want)
		}
	}
}

func TestResume(t *testing.T) {
	answers := steps.Answers{"line.account_name": "Salon Sandbox", line.FlowOAExists: "true", line.FlowVerified: "false"}
	// Visible: intro, verify_account, chat_on, developers_register, provider, ...
	e := wizard.Resume(line.FlowNew(), wizard.Draft{Flow: "line.new", Step: "line.provider", Answers: answers})
	wantAt(t, e, "line.provider", 5, 12)
	for _, c := range []struct {
		id   string
		want wizard.StepState
	}{
		{"line.intro", wizard.Done},
		{"line.create_oa", wizard.Todo}, // skipped, never passed
		{"line.verify_account", wizard.Done},
		{"line.chat_on", wizard.Done},
		{"line.developers_register", wizard.Done},
		{"line.provider", wizard.Current},
		{"line.messaging_api", wizard.Todo},
		{"line.callback", wizard.Todo},
	} {
		if got := e.State(c.id); got != c.want {
			t.Errorf("State(%s) = %v, want %v", c.id, got, c.want)
		}
	}
	if e.Value("line.account_name") != "Salon Sandbox" || e.Value("line.flow") != "new" {
		t.Errorf("answers after resume: %v", e.Raw())
	}
	// The walk goes on from there, and back.
	if !e.Back() || curID(e) != "line.developers_register" {
		t.Errorf("Back after resume went to %s", curID(e))
	}
}

func TestResumeFallsBackToFirstStep(t *testing.T) {
	answers := steps.Answers{"line.account_name": "Salon Sandbox", line.FlowOAExists: "true", line.FlowVerified: "true"}
	for _, step := range []string{
		"line.create_oa",      // skipped now that the account exists
		"line.verify_account", // skipped now that it is verified
		"line.no_such_step",   // from another version of the program
		"line.policy_urls",    // a step of the other LINE flow
	} {
		e := wizard.Resume(line.FlowNew(), wizard.Draft{Flow: "line.new", Step: step, Answers: answers})
		wantAt(t, e, "line.intro", 1, 11)
		// Nothing was passed in this walk yet: no step may show as done.
		for _, s := range e.Visible()[1:] {
			if st := e.State(s.ID); st != wizard.Todo {
				t.Errorf("resume at %s: %s is %v, want Todo", step, s.ID, st)
			}
		}
		if e.Value("line.account_name") != "Salon Sandbox" {
			t.Errorf("resume at %s lost the answers", step)
		}
	}
}

func TestResumeFinished(t *testing.T) {
	e := wizard.Resume(line.FlowSwitch(), wizard.Draft{Flow: "line.switch", Step: "", Answers: steps.Answers{line.FlowVerified: "true"}})
	if !e.Finished() || e.Current() != nil {
		t.Fatalf("a draft without a step should resume finished, at %s", curID(e))
	}
	if n, total := e.Position(); n != 8 || total != 8 {
		t.Errorf("position %d/%d, want 8/8", n, total)
	}
	for _, s := range e.Visible() {
		if e.State(s.ID) != wizard.Done {
			t.Errorf("%s is %v, want Done", s.ID, e.State(s.ID))
		}
	}
	if e.State("line.verify_account") != wizard.Todo {
		t.Error("a skipped step shows as done")
	}
	if !e.Back() || curID(e) != "line.callback" {
		t.Errorf("Back from the end went to %s", curID(e))
	}
}

// TestDraftResumeRoundTrip: what a session saves half-way is where the next start resumes.
func TestDraftResumeRoundTrip(t *testing.T) {
	df := wizard.DraftFor(t.TempDir(), line.FlowNewID, "shop.yaml")
	e := wizard.New(line.FlowNew(), steps.Answers{"line.account_name": "Salon Sandbox", line.FlowOAExists: "true"})
	mustNext(t, e) // intro
	mustNext(t, e) // verify_account
	s := &wizard.Session{Engine: e, Draft: df}
	if err := s.SaveDraft(); err != nil {
		t.Fatal(err)
	}
	dr, ok, err := df.Load()
	if err != nil || !ok {
		t.Fatalf("Load: ok=%v err=%v", ok, err)
	}
	r := wizard.Resume(line.FlowNew(), dr)
	wantAt(t, r, "line.chat_on", 3, 12)
	if !maps.Equal(r.Raw(), e.Raw()) {
		t.Errorf("resumed answers %v, want %v", r.Raw(), e.Raw())
	}
	for _, id := range []string{"line.intro", "line.verify_account"} {
		if r.State(id) != wizard.Done {
			t.Errorf("%s is %v after resume, want Done", id, r.State(id))
		}
	}
}

// A draft that left out a typed secret resumes at the step that asks for it (not at the
// later step it was saved on), as replay does with a redacted file; Retype lists it until
// it is typed again, and the note names it in both languages.
func TestResumeAsksForLeftOutSecret(t *testing.T) {
	answers := steps.Answers{"line.account_name": "Salon Sandbox", line.FlowOAExists: "true", line.FlowVerified: "true", "line.login.channel_id": "2000000002"}
	dr := wizard.Draft{Flow: "line.new", Step: "line.cms", Answers: answers, Retype: []string{"line.login.channel_secret"}}
	e := wizard.Resume(line.FlowNew(), dr)
	if curID(e) != "line.collect" {
		t.Fatalf("resumed at %s, want line.collect", curID(e))
	}
	if got := e.Retype(); len(got) != 1 || got[0] != "line.login.channel_secret" {
		t.Errorf("Retype = %v", got)
	}
	e.Set("line.login.channel_secret", "00112233445566778899aabbccddeeff")
	if got := e.Retype(); len(got) != 0 {
		t.Errorf("Retype after typing = %v", got)
	}
	if n := dr.RetypeNote(line.FlowNew(), steps.EN); !strings.Contains(n, "asked for again at their step: Channel secret (LINE Login).") {
		t.Errorf("en note: %s", n)
	}
	if n := dr.RetypeNote(line.FlowNew(), steps.JA); !strings.Contains(n, "もう一度入力が必要です：「チャネルシークレット（LINEログイン）」。") {
		t.Errorf("ja note: %s", n)
	}
	// Without Retype the draft's step stands.
	dr.Retype = nil
	if e := wizard.Resume(line.FlowNew(), dr); curID(e) != "line.cms" {
		t.Errorf("resumed at %s, want line.cms", curID(e))
	}
}

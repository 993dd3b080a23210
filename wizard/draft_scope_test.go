package wizard_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// A LINE draft used to store every answer, NAVER's client secret from the environment
// included, then the secrets typed during the walk. It now holds this flow's values and
// no secret at all: a typed one is named in retype (to be asked for again), what came
// from elsewhere is put back from there when the draft is loaded.
func TestDraftStoresNoSecretItWasGiven(t *testing.T) {
	dir := t.TempDir()
	typed := "0123456789abcdef0123456789abcdef"
	given := steps.Answers{
		"naver.client_secret":                     sample.NaverClientSecret,  // env, another provider
		"naver.application_name":                  "Sample Shop",             // the config file's other section
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken, // env
		"line.account_name":                       "Salon",
	}
	df := wizard.DraftFor(dir, "line.new", "shop.yaml").Scope(line.FlowNew(), given)
	answers := given.Clone()
	answers["line.login.channel_secret"] = typed // typed during the walk
	answers["line.provider_name"] = "Example Inc."
	answers[line.FlowOAExists] = "true"
	if err := df.Save(wizard.Draft{Flow: "line.new", Step: "line.collect", Answers: answers}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(df.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{sample.NaverClientSecret, sample.ChannelAccessToken, typed, "naver.", "Sample Shop"} {
		if strings.Contains(string(b), s) {
			t.Errorf("the draft holds %.8q…:\n%s", s, b)
		}
	}
	for _, s := range []string{"Example Inc.", line.FlowOAExists, `"retype": [
    "line.login.channel_secret"
  ]`} {
		if !strings.Contains(string(b), s) {
			t.Errorf("the draft lacks %q:\n%s", s, b)
		}
	}
	got, ok, err := df.Load()
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for k, v := range answers {
		if k == "line.login.channel_secret" {
			v = "" // asked for again
		}
		if got.Answers[k] != v {
			t.Errorf("loaded %s = %q, want %q", k, got.Answers[k], v)
		}
	}

	if len(got.Retype) != 1 || got.Retype[0] != "line.login.channel_secret" {
		t.Errorf("loaded retype %v, want [line.login.channel_secret]", got.Retype)
	}

	// A draft written by an older version, with the other provider's secret in it, loses
	// that secret on load.
	old := `{"flow":"line.new","step":"line.collect","answers":{"naver.client_secret":"stale-secret-value-123","line.account_name":"Old"}}`
	os.WriteFile(df.Path, []byte(old), 0o600)
	df2 := wizard.DraftFor(dir, "line.new", "shop.yaml").Scope(line.FlowNew(), steps.Answers{})
	got, _, _ = df2.Load()
	if got.Answers["naver.client_secret"] != "" || got.Answers["line.account_name"] != "Old" {
		t.Errorf("old draft loaded as %v", got.Answers)
	}
}

// A state directory that exists open to others (0777) is made private before a draft
// is written into it.
func TestStateDirIsTightened(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	xdg := t.TempDir()
	dir := filepath.Join(xdg, "setup-wizard")
	if err := os.Mkdir(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o777) // past the umask
	t.Setenv("XDG_STATE_HOME", xdg)
	got, err := wizard.StateDir()
	if err != nil || got != dir {
		t.Fatalf("StateDir = %s, %v", got, err)
	}
	fi, _ := os.Stat(dir)
	if m := fi.Mode().Perm(); m != 0o700 {
		t.Errorf("state directory mode %#o, want 0700", m)
	}
}

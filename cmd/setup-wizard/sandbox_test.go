package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// runIn runs the command with stdin in, the state directory of the test and no other
// environment.
func runIn(t *testing.T, in string, args ...string) (code int, out, errs string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, &IO{In: strings.NewReader(in), Out: &o, Err: &e}, func(string) string { return "" })
	return code, o.String(), e.String()
}

// A real run is never offered a sandbox draft: the sandbox keeps its drafts in a
// directory of its own, and a draft holding sample values (left by an older version in
// the real directory) is not offered either.
func TestRealRunNeverOffersSandboxDraft(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	cfg := filepath.Join(dir, "shop.yaml")

	// The sandbox walk stops at its first step: a draft with sample values is kept.
	code, _, _ := runIn(t, "", "--sandbox", "--accessible", "-c", cfg, "--platform", "generic", "line", "--flow", "new")
	if code != wizard.ExitUsage {
		t.Fatalf("sandbox run: exit %d", code)
	}
	sandboxDrafts, _ := filepath.Glob(filepath.Join(dir, "state", "setup-wizard", "sandbox", "draft-*.json"))
	if len(sandboxDrafts) != 1 {
		t.Fatalf("sandbox drafts: %q", sandboxDrafts)
	}
	// The sandbox offers it to the next sandbox run.
	_, out, _ := runIn(t, "", "--sandbox", "--accessible", "-c", cfg, "--platform", "generic", "line", "--flow", "new")
	if !strings.Contains(out, "Continue from there?") {
		t.Errorf("the sandbox does not offer its own draft:\n%s", out)
	}

	// A draft with sample values in the real directory, as older versions left them.
	realDir, err := wizard.StateDir()
	if err != nil {
		t.Fatal(err)
	}
	// (Written by hand: Save no longer stores a secret.)
	old := wizard.DraftFor(realDir, "line.new", cfg)
	b, _ := json.Marshal(map[string]any{"flow": "line.new", "step": "line.new.collect", "saved": time.Now(), "answers": steps.Answers{
		"line.flow": "new", "line.messaging_api.channel_secret": sample.ChannelSecret,
	}})
	if err := os.WriteFile(old.Path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	code, out, errs := runIn(t, "", "--accessible", "-c", cfg, "--platform", "generic", "line", "--flow", "new")
	if code != wizard.ExitUsage {
		t.Fatalf("real run: exit %d\n%s", code, errs)
	}
	if strings.Contains(out, "Continue from there?") || strings.Contains(out+errs, "flow.resume") {
		t.Errorf("a real run was offered a sandbox draft:\n%s", out)
	}
	for _, v := range []string{sample.AccountName, sample.ProviderName, sample.PrivacyPolicyURL} {
		if strings.Contains(out, v) {
			t.Errorf("a real run was prefilled with the sample %q:\n%s", v, out)
		}
	}
	// The real run asked its first question, empty, and names it.
	if !strings.Contains(errs, "no answer for line.account_name") {
		t.Errorf("stderr: %s", errs)
	}
}

// Every screen of a sandbox run says SANDBOX before its first question, the choosers
// included, and its "Next:" line repeats --sandbox and -c.
func TestSandboxBannerBeforeChooser(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	var out bytes.Buffer
	both := &out
	code := run([]string{"--sandbox", "--accessible", "-c", filepath.Join(dir, "s.yaml")}, &IO{In: strings.NewReader(""), Out: both, Err: both}, func(string) string { return "" })
	if code != wizard.ExitUsage {
		t.Fatalf("exit %d", code)
	}
	s := out.String()
	b, q := strings.Index(s, "SANDBOX"), strings.Index(s, "What do you want to connect?")
	if b < 0 || q < 0 || b > q {
		t.Errorf("the SANDBOX banner does not come before the first question:\n%s", s)
	}
	if strings.Count(s, "SANDBOX:") != 1 {
		t.Errorf("banner repeated:\n%s", s)
	}
}

func TestCommandName(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "setup-wizard")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	found := func(string) (string, error) { return bin, nil }
	notFound := func(string) (string, error) { return "", errors.New("not found") }
	for _, c := range []struct {
		arg0 string
		look func(string) (string, error)
		want string
	}{
		// go run builds into a temporary directory that is gone after the run.
		{"/tmp/go-build3261721/b001/exe/setup-wizard", notFound, "go run ./cmd/setup-wizard"},
		// Since Go 1.24 go run keeps the binary in the build cache, wherever GOCACHE is.
		{"/root/.cache/go-build/33/33cc3d6a782c8fdafab8859c514909dda29c7ef81f379117a2b9f076a4702ef3-d/setup-wizard", notFound, "go run ./cmd/setup-wizard"},
		{"/var/cache/gocache/0a/0a" + strings.Repeat("1", 62) + "-d/setup-wizard", found, "go run ./cmd/setup-wizard"},
		// Not the cache's shape: a directory that only ends in -d, or a hash under another folder.
		{"/opt/build-d/setup-wizard", notFound, "/opt/build-d/setup-wizard"},
		{"/x/ff/0a" + strings.Repeat("1", 62) + "-d/setup-wizard", notFound, "/x/ff/0a" + strings.Repeat("1", 62) + "-d/setup-wizard"},
		{"setup-wizard", notFound, "setup-wizard"},
		{bin, found, "setup-wizard"},
		{"./sw", notFound, "./sw"},
		{"/opt/my tools/setup-wizard", notFound, "'/opt/my tools/setup-wizard'"},
	} {
		if got := commandName(c.arg0, c.look); got != c.want {
			t.Errorf("commandName(%q) = %q, want %q", c.arg0, got, c.want)
		}
	}
}

// A draft without a saved time (hand-made or damaged) shows "-" as its age, not 106751d.
func TestDraftAgeWithoutTime(t *testing.T) {
	now := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	if got := draftAge(time.Time{}, now, "en"); got != "-" {
		t.Errorf("zero time: %q", got)
	}
	if got := draftAge(now.Add(-3*time.Hour), now, "ja"); got != "3時間" {
		t.Errorf("three hours: %q", got)
	}
}

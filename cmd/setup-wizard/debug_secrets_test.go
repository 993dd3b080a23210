package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
)

// TestDebugNeverShowsSecrets runs every sandbox scenario (each failure knob of both
// emulators) with --debug, in text and JSON, for the walks and for verify, and fails if a
// secret appears anywhere in what the program printed.
func TestDebugNeverShowsSecrets(t *testing.T) {
	// Not t.Setenv: the scenarios run in parallel. The sandbox's state file is shared,
	// which only changes what verify finds, not what this test looks for.
	old, had := os.LookupEnv("XDG_STATE_HOME")
	os.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "state"))
	t.Cleanup(func() {
		if had {
			os.Setenv("XDG_STATE_HOME", old)
		} else {
			os.Unsetenv("XDG_STATE_HOME")
		}
	})
	knobs := []string{""}
	for _, k := range append(fakeapi.LINEKnobs(), fakeapi.NAVERKnobs()...) {
		name := k.Name
		if i := strings.Index(name, "="); i > 0 {
			name = name[:i+1] + "1ms"
		}
		knobs = append(knobs, name)
	}
	for _, knob := range knobs {
		t.Run("knob="+knob, func(t *testing.T) {
			t.Parallel()
			debugScenarios(t, knob)
		})
	}
}

func debugScenarios(t *testing.T, knob string) {
	dir := t.TempDir()
	{
		for _, args := range [][]string{
			{"line", "--flow", "new", "--set-webhook"},
			{"naver"},
			{"verify", "--json"},
		} {
			cfg := filepath.Join(dir, "shop.yaml")
			common := []string{"--sandbox", "--debug", "--timeout", "1s", "-c", cfg}
			if args[0] != "verify" { // verify never prompts: it has no --non-interactive
				common = append(common, "--non-interactive")
			}
			full := append(common, args...)
			if args[0] == "verify" {
				if _, err := os.Stat(cfg); err != nil {
					continue // nothing written yet: the walks failed under this knob
				}
			}
			var out, errb bytes.Buffer
			env := map[string]string{"SETUP_WIZARD_SANDBOX_FAULTS": knob, "LANG": "en_US.UTF-8"}
			code := run(full, &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string { return env[k] })
			all := out.String() + errb.String()
			if knob == "" && !strings.Contains(errb.String(), "http: ") {
				t.Errorf("knob %q %v: --debug printed no request trace:\n%s", knob, args, errb.String())
			}
			for _, s := range sandboxSecrets() {
				if strings.Contains(all, s) {
					t.Errorf("knob %q %v (exit %d): secret %s… appears in the output:\n%s", knob, args, code, s[:4], all)
				}
			}
			if strings.ContainsRune(all, 0x1b) {
				t.Errorf("knob %q %v: an escape sequence reached the output", knob, args)
			}
		}
	}
}

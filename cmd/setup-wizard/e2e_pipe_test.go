package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With a terminal on stdin but stdout piped into tee (a log), the wizard never draws its
// screens into the pipe: it runs unattended, names what is missing (exit 2) and the log
// holds plain lines, no escape sequences; nothing is written.
func TestTmuxPipedStdoutNeverStartsScreens(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	line := "set -o pipefail; " + shellQuote(bin) + " --platform generic -c " + shellQuote(filepath.Join(dir, "shop.yaml")) +
		" line --flow new | tee " + shellQuote(log)
	s := startTmux(t, "/bin/bash", dir, []string{"LANG=ja_JP.UTF-8"}, "-c", line)
	scr := s.waitExit(2)
	for _, want := range []string{"line.account_name", "LINE_CHANNEL_ACCESS_TOKEN"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the screen does not name %s:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "Step 1 of") || strings.Contains(scr, "ステップ1") {
		t.Errorf("the screens were started into the pipe:\n%s", scr)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(string(b), 0x1b) {
		t.Errorf("the log holds escape sequences: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "shop.yaml")); err == nil {
		t.Errorf("a config file was written")
	}
}

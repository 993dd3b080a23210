//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/setup-wizard/setup-wizard/wizard"
)

// SIGHUP (the terminal closed, an ssh connection dropped) stops a TUI walk as ctrl+c
// does: "Stopped", exit 130, and a draft of the current step with what was on screen,
// offered by the next run. Before, the process died by the signal's default action
// (exit 129): no message, no draft of the step, no temp cleanup.
func TestTmuxHangupKeepsDraft(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin := buildBinary(t)
	for _, c := range []struct{ lang, first, name, stopped, resume string }{
		{"en_US.UTF-8", "Connect LINE", "LINE Official Account name", "Stopped. Your answers are kept as a draft", "Continue where you left off?"},
		{"ja_JP.UTF-8", "LINEと連携する", "LINE公式アカウント名", "中断しました。入力内容は下書きとして保存されています", "前回の続きから始めますか？"},
	} {
		t.Run(c.lang, func(t *testing.T) { hangup(t, bin, c.lang, c.first, c.name, c.stopped, c.resume) })
	}
}

func hangup(t *testing.T, bin, lang, first, name, stopped, resume string) {
	{
		c := struct{ lang, first, name, stopped, resume string }{lang, first, name, stopped, resume}
		dir := t.TempDir()
		cfg := filepath.Join(dir, "shop.yaml")
		s := startTmux(t, bin, dir, []string{"LANG=" + c.lang},
			"--sandbox", "--no-browser", "--platform", "generic", "-c", cfg, "line", "--flow", "new")
		s.waitStep(c.first)
		// Typed on screen, not yet submitted.
		s.waitFocus(c.name)
		s.keys("C-u")
		s.typeText("Salon Hangup")
		s.waitValue(c.name, "Salon Hangup")

		pid := wizardPid(t, s)
		if err := syscall.Kill(pid, syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		scr := s.waitExit(wizard.ExitInterrupted)
		if !strings.Contains(scr, c.stopped) {
			t.Errorf("%s: after SIGHUP:\n%s", c.lang, scr)
		}
		drafts, _ := filepath.Glob(filepath.Join(dir, "state", "setup-wizard", "sandbox", "draft-line.new-*.json"))
		if len(drafts) != 1 {
			t.Fatalf("%s: drafts %q", c.lang, drafts)
		}
		b, _ := os.ReadFile(drafts[0])
		if !strings.Contains(string(b), `"step": "line.intro"`) || !strings.Contains(string(b), "Salon Hangup") {
			t.Errorf("%s: draft:\n%s", c.lang, b)
		}
		s.restart()
		s.waitFor(c.resume)
		// Ended here, before the temp directory goes.
		s.keys("C-c")
		s.waitExit(wizard.ExitInterrupted)
	}
}

// wizardPid is the program's process in the pane: the child of the pane's shell.
func wizardPid(t *testing.T, s *tmuxSession) int {
	t.Helper()
	shell := strings.TrimSpace(s.run("display-message", "-p", "-t", s.name, "#{pane_pid}"))
	b, err := os.ReadFile(filepath.Join("/proc", shell, "task", shell, "children"))
	if err != nil {
		t.Skipf("no /proc children list: %v", err)
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		t.Fatalf("the pane's shell %s has no child", shell)
	}
	pid, err := strconv.Atoi(f[0])
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

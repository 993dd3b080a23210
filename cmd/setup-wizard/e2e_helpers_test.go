package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// The end-to-end tests drive the real setup-wizard binary inside a detached tmux session
// and read the screen back with capture-pane. Every test has its own tmux server (its own
// socket, tmux -S), its own state directory and its own config file, so they run in parallel
// and never touch a tmux session or a draft of the person running them.

const (
	tmuxWidth  = 110
	tmuxHeight = 36
	// waitScreen is how long a screen may take to show what the test waits for. It is a
	// deadline for waiting, not a timed assertion: the tests poll and go on as soon as
	// the text is there, and only a hung program makes them wait this long (far above what
	// a screen takes on a loaded two-core machine, so that no test depends on its speed).
	waitScreen = 60 * time.Second
	// waitChecks covers the live checks against the sandbox, including the emulator's
	// webhook delay (fakeapi.SandboxWebhookDelay) on a busy machine.
	waitChecks = 120 * time.Second
	pollEvery  = 50 * time.Millisecond
)

// requireTmux returns the path of tmux. Without it the test is skipped, except in CI
// (CI=true), where .ci/run installs it and a missing tmux is a failure.
func requireTmux(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("tmux is not installed; CI needs it for the end-to-end tests (.ci/run installs it)")
		}
		t.Skip("tmux is not installed; skipping the end-to-end test")
	}
	return p
}

// The binary is built once for all the tests that run at the same time and removed when
// the last of them is done.
var e2eBinary struct {
	sync.Mutex
	dir   string
	path  string
	users int
}

// buildBinary builds ./cmd/setup-wizard (the package under test) with go build.
func buildBinary(t *testing.T) string {
	t.Helper()
	e2eBinary.Lock()
	defer e2eBinary.Unlock()
	if e2eBinary.path == "" {
		dir, err := os.MkdirTemp("", "setup-wizard-e2e-")
		if err != nil {
			t.Fatal(err)
		}
		bin := filepath.Join(dir, "setup-wizard")
		cmd := exec.Command(goTool(t), "build", "-o", bin, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			os.RemoveAll(dir)
			t.Fatalf("go build: %v\n%s", err, out)
		}
		e2eBinary.dir, e2eBinary.path = dir, bin
	}
	e2eBinary.users++
	t.Cleanup(func() {
		e2eBinary.Lock()
		defer e2eBinary.Unlock()
		e2eBinary.users--
		if e2eBinary.users == 0 {
			os.RemoveAll(e2eBinary.dir)
			e2eBinary.dir, e2eBinary.path = "", ""
		}
	})
	return e2eBinary.path
}

func goTool(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	p := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("cannot find the go command to build the binary")
	}
	return p
}

// tmuxSocket returns the path of a socket for a tmux server of the test's own, in a
// short directory of its own (a socket path is limited to about 100 bytes) that goes
// when the test ends.
func tmuxSocket(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "swe2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "tmux.sock")
}

// tmuxSession is one running setup-wizard in a detached tmux pane.
type tmuxSession struct {
	t      *testing.T
	tmux   string
	socket string // tmux -S: the server of this test alone
	name   string
	dir    string   // the test's directory: config file, state, HOME
	env    []string // NAME=value for the program
	bin    string
	args   []string
	last   string // the last screen read
}

// startTmux starts bin with args in a new tmux server of its own, at a fixed size, with a
// clean environment: PATH, HOME and XDG_STATE_HOME in dir, NO_COLOR, TERM and the given
// extra variables (LANG among them). The pane keeps the program's last screen after it
// exits and adds a line EXIT=<code>.
func startTmux(t *testing.T, bin, dir string, env []string, args ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{
		t:      t,
		tmux:   requireTmux(t),
		socket: tmuxSocket(t),
		name:   "wizard",
		dir:    dir,
		bin:    bin,
		args:   args,
		env: append([]string{
			"PATH=" + os.Getenv("PATH"),
			"HOME=" + dir,
			"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
			"NO_COLOR=1",
			"TERM=xterm-256color",
		}, env...),
	}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", s.name,
		"-x", fmt.Sprint(tmuxWidth), "-y", fmt.Sprint(tmuxHeight), s.command())
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("last screen:\n%s", s.capture())
		}
		// The program still running takes the server's SIGHUP as a closed terminal and
		// keeps a draft: wait until it has gone before the temp directory is removed.
		var prog string
		if out, err := exec.Command(s.tmux, "-S", s.socket, "display-message", "-p", "-t", s.name, "#{pane_pid}").Output(); err == nil {
			shell := strings.TrimSpace(string(out))
			if b, err := os.ReadFile(filepath.Join("/proc", shell, "task", shell, "children")); err == nil {
				if f := strings.Fields(string(b)); len(f) > 0 {
					prog = f[0]
				}
			}
		}
		_ = exec.Command(s.tmux, "-S", s.socket, "kill-server").Run()
		for i := 0; prog != "" && i < 500; i++ {
			if _, err := os.Stat(filepath.Join("/proc", prog)); err != nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
	return s
}

// command is the shell line the pane runs: the program in a clean environment, then its
// exit code, then a long sleep so that the pane and its last screen stay for reading.
func (s *tmuxSession) command() string {
	parts := append([]string{"env", "-i"}, s.env...)
	parts = append(parts, s.bin)
	parts = append(parts, s.args...)
	for i := range parts {
		parts[i] = shellQuote(parts[i])
	}
	return strings.Join(parts, " ") + "; echo EXIT=$?; sleep 3600"
}

func shellQuote(s string) string {
	if regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./-]+$`).MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// restart runs the same command again in the same pane (the program has exited).
func (s *tmuxSession) restart() {
	s.t.Helper()
	s.run("respawn-pane", "-k", "-t", s.name, s.command())
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	cmd := exec.Command(s.tmux, append([]string{"-u", "-S", s.socket}, args...)...)
	cmd.Env = withoutTMUX(os.Environ())
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func withoutTMUX(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, "TMUX=") && !strings.HasPrefix(e, "TMUX_PANE=") {
			out = append(out, e)
		}
	}
	return out
}

// keys sends tmux key names (Enter, BTab, C-u, C-c, y …).
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// typeText types text literally, as a person pasting or typing it would.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", s.name, "-l", text)
}

// capture returns the screen as text (no colours), without failing the test.
func (s *tmuxSession) capture() string {
	cmd := exec.Command(s.tmux, "-u", "-S", s.socket, "capture-pane", "-p", "-t", s.name)
	cmd.Env = withoutTMUX(os.Environ())
	out, err := cmd.Output()
	if err != nil {
		return s.last
	}
	s.last = string(out)
	return s.last
}

// waitUntil polls the screen until ok says yes, and fails with the screen when the
// deadline passes first. what describes the wait in the failure message.
func (s *tmuxSession) waitUntil(d time.Duration, what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		scr := s.capture()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waited %v for %s; the screen is:\n%s", d, what, scr)
		}
		time.Sleep(pollEvery)
	}
}

// waitFor waits until text is on the screen.
func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	return s.waitForWithin(waitScreen, text)
}

func (s *tmuxSession) waitForWithin(d time.Duration, text string) string {
	s.t.Helper()
	return s.waitUntil(d, fmt.Sprintf("%q", text), func(scr string) bool { return strings.Contains(scr, text) })
}

// waitExit waits for the EXIT=<code> line the pane prints when the program ends.
func (s *tmuxSession) waitExit(code int) string {
	s.t.Helper()
	re := regexp.MustCompile(`(?m)^EXIT=(\d+)$`)
	scr := s.waitUntil(waitChecks, "the program to exit", func(scr string) bool { return re.MatchString(scr) })
	if got := re.FindStringSubmatch(scr)[1]; got != fmt.Sprint(code) {
		s.t.Fatalf("the program exited with %s, want %d; the screen is:\n%s", got, code, scr)
	}
	return scr
}

// Reading the wizard's screen. The layout at 110 columns: a sidebar of steps, "│", the
// step's pane. The pane's first line is the step's title; the focused field is marked
// with "┃" at the start of each of its lines, a text field's value on the line "┃ > …".

// paneLines returns the pane side of every screen line (everything after the first "│").
func paneLines(screen string) []string {
	var out []string
	for _, ln := range strings.Split(screen, "\n") {
		if _, right, ok := strings.Cut(ln, "│"); ok {
			out = append(out, strings.TrimPrefix(right, " "))
		} else {
			out = append(out, "")
		}
	}
	return out
}

// paneTitle is the title of the step on the screen ("" when there is no pane).
func paneTitle(screen string) string {
	lines := paneLines(screen)
	if len(lines) < 3 {
		return ""
	}
	return strings.TrimSpace(lines[2])
}

// focused reports whether the field or question labelled label has the focus, and the
// value a focused text field shows.
func focused(screen, label string) (value string, ok bool) {
	lines := paneLines(screen)
	for i, ln := range lines {
		rest, isBar := strings.CutPrefix(ln, "┃ ")
		if !isBar || !strings.HasPrefix(strings.TrimSpace(rest), label) {
			continue
		}
		for _, f := range lines[i+1:] {
			r, bar := strings.CutPrefix(f, "┃")
			if !bar {
				break
			}
			if v, isInput := strings.CutPrefix(strings.TrimSpace(r), ">"); isInput {
				return strings.TrimSpace(v), true
			}
		}
		return "", true
	}
	return "", false
}

// sidebarLine returns the sidebar entry of the step whose title starts with title.
func sidebarLine(screen, title string) string {
	for _, ln := range strings.Split(screen, "\n") {
		left, _, ok := strings.Cut(ln, "│")
		if ok && strings.Contains(left, title) {
			return strings.TrimSpace(left)
		}
	}
	return ""
}

// waitStep waits until the pane shows the step titled title.
func (s *tmuxSession) waitStep(title string) string {
	s.t.Helper()
	return s.waitUntil(waitScreen, fmt.Sprintf("the step %q", title), func(scr string) bool {
		return paneTitle(scr) == title
	})
}

// waitFocus waits until the field or question labelled label has the focus.
func (s *tmuxSession) waitFocus(label string) string {
	s.t.Helper()
	return s.waitUntil(waitScreen, fmt.Sprintf("the focus on %q", label), func(scr string) bool {
		_, ok := focused(scr, label)
		return ok
	})
}

// waitValue waits until the focused field labelled label shows want.
func (s *tmuxSession) waitValue(label, want string) string {
	s.t.Helper()
	return s.waitUntil(waitScreen, fmt.Sprintf("%q to show %q", label, want), func(scr string) bool {
		v, ok := focused(scr, label)
		return ok && v == want
	})
}

// fill waits for the focus on the text field labelled label, clears it with ctrl+u,
// checks that it is empty, types value and checks that it is shown (as stars for a
// secret), then presses enter.
func (s *tmuxSession) fill(label, value string, secret bool) {
	s.t.Helper()
	s.waitFocus(label)
	s.keys("C-u")
	s.waitValue(label, "")
	if value != "" {
		s.typeText(value)
	}
	if secret {
		s.waitUntil(waitScreen, fmt.Sprintf("%q to show a masked value", label), func(scr string) bool {
			v, ok := focused(scr, label)
			return ok && v != "" && strings.Trim(v, "*") == "" && !strings.Contains(scr, value)
		})
	} else {
		s.waitValue(label, value)
	}
	s.keys("Enter")
}

// fillDerived is fill for a field whose value is derived from other answers: emptied,
// it shows the derived value again at once, so the empty field cannot be seen. Typing
// into a field that was not cleared would add to its value; seeing exactly value proves
// the clearing. An empty value leaves the field to its derived value.
func (s *tmuxSession) fillDerived(label, value string) {
	s.t.Helper()
	s.waitFocus(label)
	s.keys("C-u")
	if value != "" {
		s.typeText(value)
		s.waitValue(label, value)
	}
	s.keys("Enter")
}

// next waits for the focus on label and presses enter (keeps the value shown).
func (s *tmuxSession) next(label string) {
	s.t.Helper()
	s.waitFocus(label)
	s.keys("Enter")
}

// answer waits for the focus on the yes/no question label and answers it: "y" or "n".
func (s *tmuxSession) answer(label, key string) {
	s.t.Helper()
	s.waitFocus(label)
	s.keys(key)
}

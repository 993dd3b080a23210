// Package desktop reaches the operator's desktop from a terminal program: the browser
// ($BROWSER first, as the operator chose) and the native clipboard (for terminals that
// ignore OSC 52). Everything outside the process is an injected command runner, so that
// tests use fake scripts.
package desktop

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/pkg/browser"
)

// Env is what the helpers read of the world.
type Env struct {
	GOOS     string
	Getenv   func(string) string
	LookPath func(string) (string, error)
}

// Local reports whether the program runs on the operator's own machine: no SSH session.
// Over SSH the remote desktop's browser or clipboard would be the wrong one.
func (e Env) Local() bool {
	return e.Getenv("SSH_CONNECTION") == "" && e.Getenv("SSH_TTY") == "" && e.Getenv("SSH_CLIENT") == ""
}

// BrowserCommands are the commands $BROWSER names, in order: entries separated by ":",
// each a command and its arguments; "%s" in an entry stands for the URL, else the URL
// is added at the end (the convention of Python's webbrowser, xdg-utils and git).
func BrowserCommands(browserVar, url string) [][]string {
	var out [][]string
	for _, entry := range strings.Split(browserVar, ":") {
		args := strings.Fields(entry)
		if len(args) == 0 {
			continue
		}
		had := false
		for i, a := range args {
			if strings.Contains(a, "%s") {
				args[i] = strings.ReplaceAll(a, "%s", url)
				had = true
			}
		}
		if !had {
			args = append(args, url)
		}
		out = append(out, args)
	}
	return out
}

// settle is how long a browser command may take to fail before it is taken as started:
// xdg-open and open return at once, a browser itself keeps running.
var settle = 2 * time.Second

// Opener opens a URL in a browser: the first command of $BROWSER that starts and does
// not fail at once, else the system's opener (xdg-open, open, rundll32). nil means no
// browser would reach the operator (an SSH session, no display on Linux) and $BROWSER is
// unset: the caller shows the URL instead.
func Opener(e Env) func(url string) error {
	if v := strings.TrimSpace(e.Getenv("BROWSER")); v != "" {
		return func(url string) error {
			var errs []error
			for _, args := range BrowserCommands(v, url) {
				err := startSettled(args)
				if err == nil {
					return nil
				}
				errs = append(errs, fmt.Errorf("%s: %w", args[0], err))
			}
			return fmt.Errorf("$BROWSER: %w", errors.Join(errs...))
		}
	}
	if !e.Local() {
		return nil
	}
	if e.GOOS == "linux" && e.Getenv("DISPLAY") == "" && e.Getenv("WAYLAND_DISPLAY") == "" {
		return nil
	}
	return func(url string) error {
		return browser.OpenURL(url)
	}
}

// startSettled starts args detached from the screen (no stdin, output discarded) and
// reports an error when it cannot start or exits with a failure within settle.
func startSettled(args []string) error {
	cmd := exec.Command(args[0], args[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(settle):
		return nil // still running: a browser window, which the goroutine reaps later
	}
}

// ClipboardCommand is the command that puts its stdin on the desktop's clipboard here,
// or nil when there is none (no display, or no such program installed).
func ClipboardCommand(e Env) []string {
	var candidates [][]string
	switch e.GOOS {
	case "darwin":
		candidates = [][]string{{"pbcopy"}}
	case "windows":
		candidates = [][]string{{"clip.exe"}}
	default:
		if e.Getenv("WAYLAND_DISPLAY") != "" {
			candidates = append(candidates, []string{"wl-copy"})
		}
		if e.Getenv("DISPLAY") != "" {
			candidates = append(candidates, []string{"xclip", "-selection", "clipboard"}, []string{"xsel", "--clipboard", "--input"})
		}
		if e.Getenv("WSL_DISTRO_NAME") != "" {
			candidates = append(candidates, []string{"clip.exe"})
		}
	}
	for _, c := range candidates {
		if p, err := e.LookPath(c[0]); err == nil {
			return append([]string{p}, c[1:]...)
		}
	}
	return nil
}

// Clipboard returns a writer to the native clipboard for a local session that has one,
// else nil (the caller falls back to OSC 52, which it cannot confirm).
func Clipboard(e Env) func(ctx context.Context, text string) error {
	if !e.Local() {
		return nil
	}
	args := ClipboardCommand(e)
	if args == nil {
		return nil
	}
	return func(ctx context.Context, text string) error {
		ctx, cancel := context.WithTimeout(ctx, settle)
		defer cancel()
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Stdin = strings.NewReader(text)
		// xclip stays in the background to serve the selection: do not wait for its
		// output pipes, only for the command itself.
		cmd.WaitDelay = 100 * time.Millisecond
		return cmd.Run()
	}
}

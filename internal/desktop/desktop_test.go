package desktop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeEnv is a Linux desktop whose programs live in dir only.
func fakeEnv(dir string, vars map[string]string) Env {
	return Env{
		GOOS:   "linux",
		Getenv: func(k string) string { return vars[k] },
		LookPath: func(name string) (string, error) {
			p := filepath.Join(dir, name)
			if _, err := os.Stat(p); err != nil {
				return "", errors.New("not found")
			}
			return p, nil
		},
	}
}

// script writes an executable shell script into dir.
func script(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// The tests' commands all exit at once: a long settle time makes a slow machine wait
// instead of taking a failing command for a browser that started.
func TestMain(m *testing.M) {
	settle = time.Minute
	os.Exit(m.Run())
}

func TestBrowserCommands(t *testing.T) {
	got := BrowserCommands("firefox --new-tab:w3m %s -o x:: lynx", "https://e.example/a")
	want := [][]string{
		{"firefox", "--new-tab", "https://e.example/a"},
		{"w3m", "https://e.example/a", "-o", "x"},
		{"lynx", "https://e.example/a"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// $BROWSER is honoured: its first command that works gets the URL, even where no display
// or an SSH session would make the system's opener useless.
func TestOpenerHonoursBROWSER(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	fake := script(t, dir, "fake-browser", `printf '%s\n' "$@" > "`+log+`"`)
	failing := script(t, dir, "failing-browser", "exit 3")
	for _, vars := range []map[string]string{
		{"BROWSER": failing + ":" + fake + " --new-window %s"},
		{"BROWSER": fake, "SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 22"},
	} {
		os.Remove(log)
		open := Opener(fakeEnv(dir, vars))
		if open == nil {
			t.Fatalf("%v: no opener", vars)
		}
		if err := open("https://developers.line.biz/console/"); err != nil {
			t.Fatalf("%v: %v", vars, err)
		}
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatalf("%v: the fake browser was not run: %v", vars, err)
		}
		if !strings.Contains(string(b), "https://developers.line.biz/console/") {
			t.Errorf("%v: the browser got %q", vars, b)
		}
	}
	// Every command of $BROWSER failing is an error, for the caller to show the URL.
	if err := Opener(fakeEnv(dir, map[string]string{"BROWSER": failing}))("https://x.example/"); err == nil {
		t.Error("a failing $BROWSER reported success")
	}
}

func TestOpenerWithoutBrowserVar(t *testing.T) {
	dir := t.TempDir()
	if Opener(fakeEnv(dir, map[string]string{"DISPLAY": ":0", "SSH_TTY": "/dev/pts/1"})) != nil {
		t.Error("an opener over SSH")
	}
	if Opener(fakeEnv(dir, map[string]string{})) != nil {
		t.Error("an opener on Linux without a display")
	}
	if Opener(fakeEnv(dir, map[string]string{"DISPLAY": ":0"})) == nil {
		t.Error("no opener on a local desktop")
	}
}

// On a local desktop the native clipboard gets the text; over SSH, or without a
// clipboard program, there is none (the terminal's OSC 52 is all that is left).
func TestClipboard(t *testing.T) {
	dir := t.TempDir()
	got := filepath.Join(dir, "clipboard")
	script(t, dir, "xclip", `cat > "`+got+`"`)
	clip := Clipboard(fakeEnv(dir, map[string]string{"DISPLAY": ":0"}))
	if clip == nil {
		t.Fatal("no clipboard on a local X desktop with xclip")
	}
	if err := clip(context.Background(), "チャネルシークレット5b9e"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(got); string(b) != "チャネルシークレット5b9e" {
		t.Errorf("clipboard holds %q", b)
	}

	if Clipboard(fakeEnv(dir, map[string]string{"DISPLAY": ":0", "SSH_CONNECTION": "x"})) != nil {
		t.Error("a native clipboard over SSH (it would be the remote machine's)")
	}
	if Clipboard(fakeEnv(dir, map[string]string{})) != nil {
		t.Error("a native clipboard without a display")
	}
	if Clipboard(fakeEnv(t.TempDir(), map[string]string{"DISPLAY": ":0"})) != nil {
		t.Error("a native clipboard without any clipboard program")
	}
	// A clipboard program that fails is an error, never "copied".
	bad := t.TempDir()
	script(t, bad, "wl-copy", "exit 1")
	if err := Clipboard(fakeEnv(bad, map[string]string{"WAYLAND_DISPLAY": "wayland-0"}))(context.Background(), "x"); err == nil {
		t.Error("a failing clipboard program reported success")
	}
}

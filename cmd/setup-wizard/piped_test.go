package main

import (
	"bytes"
	"io"
	"maps"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// prompter plays an operator at the accessible walk: it reads what the program writes and,
// at each prompt (a line ending in ": ", or "：" in Japanese, with no new line yet), sends one answer on a pipe:
// the first option of a list, "y" to a yes/no question without a default, Enter otherwise.
// It keeps the answers it gave, so that they can be piped again all at once.
type prompter struct {
	mu      sync.Mutex
	out     bytes.Buffer
	pending string
	w       *io.PipeWriter
	answers []string
}

func (p *prompter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	p.pending += string(b)
	if i := strings.LastIndex(p.pending, "\n"); i >= 0 {
		p.pending = p.pending[i+1:]
	}
	if strings.HasSuffix(p.pending, ": ") || strings.HasSuffix(p.pending, "：") {
		a := ""
		switch q := p.pending; {
		case strings.Contains(q, "Number (") || strings.Contains(q, "番号（"):
			a = "1"
		case (strings.Contains(q, "(y/n)") || strings.Contains(q, "はい/いいえ")) && !strings.Contains(q, "Enter"):
			a = "y"
		}
		p.pending = ""
		p.answers = append(p.answers, a)
		go p.w.Write([]byte(a + "\n")) // the program reads it once it has written the prompt
	}
	return len(b), nil
}

// runSandboxWalk runs the whole first-time LINE walk in the sandbox in accessible mode,
// with its own state directory, and returns the exit code and the config written.
func runSandboxWalk(t *testing.T, in io.Reader, out io.Writer, lang string) (int, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	cfg := filepath.Join(dir, "shop.yaml")
	var errb bytes.Buffer
	code := run([]string{"--sandbox", "--accessible", "--lang", lang, "-c", cfg}, &IO{In: in, Out: out, Err: &errb}, func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	})
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errb.String())
	}
	c, err := config.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return code, c.Values()
}

// Answers piped all at once are read exactly as answers given one by one: one reader
// serves every question of the run, the choosers included (before, the first chooser's
// buffer swallowed the rest and the walk stopped at the second question).
func TestPipedAnswersAllAtOnceAsOneByOne(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			r, w := io.Pipe()
			p := &prompter{w: w}
			_, oneByOne := runSandboxWalk(t, r, p, lang)
			w.Close()
			if len(p.answers) < 10 || p.answers[0] != "1" || p.answers[1] != "1" {
				t.Fatalf("the walk asked too little: answers %q", p.answers)
			}

			piped := strings.Join(p.answers, "\n") + "\n"
			var out bytes.Buffer
			_, atOnce := runSandboxWalk(t, strings.NewReader(piped), &out, lang)
			if !maps.Equal(oneByOne, atOnce) {
				t.Errorf("configs differ:\none by one %v\nall at once %v", oneByOne, atOnce)
			}
			if oneByOne["line.flow"] != "new" || oneByOne["line.messaging_api.channel_id"] == "" {
				t.Errorf("config lacks the flow or the learnt channel ID: %v", oneByOne)
			}
		})
	}
}

// A pipe that never closes and never speaks (a CI step) stops the accessible walk with
// exit 2 and the keys still missing, instead of waiting at the first prompt for ever.
func TestSilentPipeFailsFast(t *testing.T) {
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
			r, w := io.Pipe() // nothing is ever written
			defer w.Close()
			var out, errb bytes.Buffer
			code := run([]string{"--accessible", "--input-timeout", "20ms", "--platform", "generic", "--lang", lang, "-c", filepath.Join(dir, "shop.yaml"), "line", "--flow", "new"},
				&IO{In: r, Out: &out, Err: &errb}, func(string) string { return "" })
			if code != wizard.ExitUsage {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, errb.String())
			}
			for _, want := range []string{"line.account_name", "line.messaging_api.channel_access_token", "line.login.callback_url", "--input-timeout"} {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr does not name %s:\n%s", want, errb.String())
				}
			}
		})
	}
}

// The same for the chooser of the LINE flow, before any step: the key it stands for is named.
func TestSilentPipeAtChooser(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	r, w := io.Pipe()
	defer w.Close()
	var out, errb bytes.Buffer
	code := run([]string{"--accessible", "--input-timeout", "20ms", "-c", filepath.Join(dir, "shop.yaml"), "line"},
		&IO{In: r, Out: &out, Err: &errb}, func(k string) string {
			if k == "TERM" {
				return "dumb" // TERM=dumb is the accessible mode too
			}
			return ""
		})
	if code != wizard.ExitUsage || !strings.Contains(out.String()+errb.String(), "line.flow") {
		t.Fatalf("exit %d; out:\n%s\nerr:\n%s", code, out.String(), errb.String())
	}
}

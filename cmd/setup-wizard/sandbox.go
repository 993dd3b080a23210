package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// apiURLs returns where the checks send their requests: the built-in emulator with
// --sandbox, else the contract's SETUP_WIZARD_*_URL variables or the real APIs. The
// returned func stops the emulator.
func (a *App) apiURLs(ctx context.Context) (verify.BaseURLs, func(), error) {
	if !a.Sandbox {
		urls, err := verify.URLsFromEnv(a.Getenv)
		if err != nil {
			return verify.BaseURLs{}, func() {}, usagef("%v", err)
		}
		return urls, func() {}, nil
	}
	// The emulator remembers the webhook URL between runs, as LINE does, so that
	// "setup-wizard --sandbox verify" agrees with the walk that set it.
	state := a.loadSandboxState()
	acc := fakeapi.SampleLINEAccount()
	acc.WebhookURL, acc.WebhookActive = state.WebhookURL, state.WebhookActive || state.WebhookURL == ""
	ln := fakeapi.NewLINEAccount(acc)
	nv := fakeapi.NewNAVER()
	faults := a.Getenv("SETUP_WIZARD_SANDBOX_FAULTS")
	stop := func() {
		if strings.TrimSpace(faults) == "" { // a knob's pretend state is not remembered
			state.WebhookURL, state.WebhookActive = ln.Webhook()
			a.saveSandboxState(state)
		}
		ln.Close()
		nv.Close()
	}
	ln.SetSandbox()
	a.sandboxLINE = ln
	if err := applyFaults(ln, nv, faults); err != nil {
		stop()
		return verify.BaseURLs{}, func() {}, err
	}
	return verify.BaseURLs{
		LineAPI:      ln.APIURL(),
		LineAccess:   ln.AccessURL(),
		LinEE:        ln.LinEEURL(),
		NaverNID:     nv.NIDURL(),
		NaverOpenAPI: nv.OpenAPIURL(),
	}, stop, nil
}

// sandboxState is what the emulator keeps between runs.
type sandboxState struct {
	WebhookURL    string `json:"webhook_url"`
	WebhookActive bool   `json:"webhook_active"`
}

func (a *App) sandboxStatePath() string {
	dir, err := a.stateDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "sandbox.json")
}

func (a *App) loadSandboxState() sandboxState {
	var st sandboxState
	if p := a.sandboxStatePath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			_ = json.Unmarshal(b, &st) // a damaged file starts the sandbox afresh
		}
	}
	return st
}

func (a *App) saveSandboxState(st sandboxState) {
	p := a.sandboxStatePath()
	if p == "" {
		return
	}
	if b, err := json.Marshal(st); err == nil {
		_ = config.WriteAtomic(p, b, false)
	}
}

// applyFaults turns on the emulator knobs named in SETUP_WIZARD_SANDBOX_FAULTS
// ("chat_off,webhook_inactive"); NAVER's knobs start with "naver_".
func applyFaults(ln *fakeapi.LINE, nv *fakeapi.NAVER, list string) error {
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		var err error
		if strings.HasPrefix(name, "naver_") {
			err = nv.SetKnob(name)
		} else {
			err = ln.SetKnob(name)
		}
		if err != nil {
			return usagef("SETUP_WIZARD_SANDBOX_FAULTS: %v", err)
		}
	}
	return nil
}

// sandboxBanner tells a plain-mode user that nothing reaches LINE or NAVER.
// It is said once per run, before the first question.
func (a *App) sandboxBanner() {
	if !a.Sandbox || a.bannerShown {
		return
	}
	a.bannerShown = true
	fmt.Fprintln(a.IO.Err, a.text(msgSandboxBanner))
	if f := a.Getenv("SETUP_WIZARD_SANDBOX_FAULTS"); f != "" {
		fmt.Fprintf(a.IO.Err, a.text(msgSandboxFaults)+"\n", f)
	}
}

// sandboxKnobs lists every knob for the help text.
func sandboxKnobs() []fakeapi.Knob {
	return append(fakeapi.LINEKnobs(), fakeapi.NAVERKnobs()...)
}

// sandboxConfig is the file --sandbox writes when -c is not given, so that trying the
// sandbox in a shop's directory never touches its real setup-wizard.yaml.
const sandboxConfig = "setup-wizard.sandbox.yaml"

// stateDir is where drafts and the emulator's memory live. The sandbox has a directory
// of its own inside it, so that a real run is never offered a sandbox draft and the
// emulator's remembered webhook URL never mixes with anything real.
func (a *App) stateDir() (string, error) {
	dir, err := wizard.StateDir()
	if err != nil {
		return "", err
	}
	if a.Sandbox {
		return filepath.Join(dir, "sandbox"), nil
	}
	return dir, nil
}

// sampleSecrets are the secrets only the sandbox offers: a draft holding one was filled
// in by the sandbox, even one left in the real state directory by an older version.
var sampleSecrets = map[string]string{
	"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
	"line.messaging_api.channel_secret":       sample.ChannelSecret,
	"line.login.channel_secret":               sample.LoginChannelSecret,
	"naver.client_secret":                     sample.NaverClientSecret,
}

// holdsSamples tells whether the draft file at path holds a sample secret. Drafts store no
// secret now (Load drops one an older version stored), so the file itself is read.
func holdsSamples(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var d struct {
		Answers map[string]string `json:"answers"`
	}
	if json.Unmarshal(b, &d) != nil {
		return false
	}
	for k, v := range sampleSecrets {
		if d.Answers[k] == v {
			return true
		}
	}
	return false
}

// writtenBySandbox tells a config file that --sandbox wrote: marked so in its
// verification block. (Not guessed from sample values: tests and support replay files
// with them against stand-in servers.)
func writtenBySandbox(c *config.Config) bool {
	return c.Verification != nil && c.Verification.Sandbox
}

// guardConfig keeps sandbox and real files apart before anything else runs: a real run
// or verify never reads a file the sandbox wrote (its values are samples, its results the
// emulator's), and the sandbox never reads a real file nor writes its results into one.
// A file that cannot be read is left to the caller, which says why.
func (a *App) guardConfig() error {
	c, err := config.Load(a.ConfigPath)
	if err != nil {
		return nil
	}
	return a.guardFile(a.ConfigPath, c)
}

// guardFile is guardConfig for the config c read from path.
func (a *App) guardFile(path string, c *config.Config) error {
	sandboxFile := writtenBySandbox(c)
	switch {
	case !a.Sandbox && sandboxFile:
		return usagef(a.text(msgSandboxFile), path, a.verifyCommand(true, path), path)
	case a.Sandbox && !sandboxFile && (c.LINE != nil || c.NAVER != nil):
		return usagef(a.text(msgRealFile), path, sandboxConfig)
	}
	return nil
}

// markSandbox marks a config the sandbox is about to write.
func (a *App) markSandbox(c *config.Config) {
	if !a.Sandbox {
		return
	}
	if c.Verification == nil {
		c.Verification = &config.Verification{At: time.Now().UTC().Truncate(time.Second)}
	}
	c.Verification.Sandbox = true
}

// verifyCommand is the command line that checks path again, as the operator can type
// it: the flags that matter repeated, the program named the way it was started.
func (a *App) verifyCommand(sandbox bool, path string) string {
	name := a.Arg0
	if name == "" {
		name = os.Args[0]
	}
	cmd := commandName(name, exec.LookPath)
	if sandbox {
		cmd += " --sandbox"
	}
	return cmd + " verify -c " + quoteArg(path)
}

// commandName is how to start this program again from the same shell: "go run
// ./cmd/setup-wizard" for a binary that go run built (in a temporary directory that is
// gone once the run ends, or in the build cache, where it may be evicted and which nobody
// types), the bare name when the PATH finds the same program, else the path as it was typed.
func commandName(arg0 string, lookPath func(string) (string, error)) string {
	if builtByGoRun(arg0) {
		return "go run ./cmd/setup-wizard"
	}
	base := filepath.Base(arg0)
	if !strings.ContainsRune(arg0, filepath.Separator) && !strings.ContainsRune(arg0, '/') {
		return quoteArg(arg0)
	}
	if found, err := lookPath(base); err == nil && sameFile(found, arg0) {
		return quoteArg(base)
	}
	return quoteArg(arg0)
}

// builtByGoRun tells a binary that go run built: $TMPDIR/go-build…/b001/exe/NAME before
// Go 1.24, and since then $GOCACHE/xx/<64 hex digits>-d/NAME (xx the hash's first two),
// wherever GOCACHE points.
func builtByGoRun(arg0 string) bool {
	dir := filepath.Dir(arg0)
	if filepath.Base(dir) == "exe" && strings.Contains(filepath.ToSlash(dir), "/go-build") {
		return true
	}
	hash, ok := strings.CutSuffix(filepath.Base(dir), "-d")
	if !ok || len(hash) != 64 || strings.Trim(hash, "0123456789abcdef") != "" {
		return false
	}
	return filepath.Base(filepath.Dir(dir)) == hash[:2]
}

func sameFile(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// quoteArg quotes s for a POSIX shell when it holds anything but safe characters.
func quoteArg(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+=,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
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
	state := loadSandboxState()
	acc := fakeapi.SampleLINEAccount()
	acc.WebhookURL, acc.WebhookActive = state.WebhookURL, state.WebhookActive || state.WebhookURL == ""
	ln := fakeapi.NewLINEAccount(acc)
	nv := fakeapi.NewNAVER()
	faults := a.Getenv("SETUP_WIZARD_SANDBOX_FAULTS")
	stop := func() {
		if strings.TrimSpace(faults) == "" { // a knob's pretend state is not remembered
			state.WebhookURL, state.WebhookActive = ln.Webhook()
			saveSandboxState(state)
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

func sandboxStatePath() string {
	dir, err := wizard.StateDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "sandbox.json")
}

func loadSandboxState() sandboxState {
	var st sandboxState
	if p := sandboxStatePath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			_ = json.Unmarshal(b, &st) // a damaged file starts the sandbox afresh
		}
	}
	return st
}

func saveSandboxState(st sandboxState) {
	p := sandboxStatePath()
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
func (a *App) sandboxBanner() {
	if !a.Sandbox {
		return
	}
	fmt.Fprintln(a.IO.Err, a.text(msgSandboxBanner))
	if f := a.Getenv("SETUP_WIZARD_SANDBOX_FAULTS"); f != "" {
		fmt.Fprintf(a.IO.Err, a.text(msgSandboxFaults)+"\n", f)
	}
}

// sandboxKnobs lists every knob for the help text.
func sandboxKnobs() []fakeapi.Knob {
	return append(fakeapi.LINEKnobs(), fakeapi.NAVERKnobs()...)
}

package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/verify"
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
	ln := fakeapi.NewLINE()
	nv := fakeapi.NewNAVER()
	stop := func() { ln.Close(); nv.Close() }
	ln.SetSandbox()
	if err := applyFaults(ln, nv, a.Getenv("SETUP_WIZARD_SANDBOX_FAULTS")); err != nil {
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

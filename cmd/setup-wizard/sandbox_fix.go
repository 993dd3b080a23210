package main

import "github.com/setup-wizard/setup-wizard/internal/fakeapi"

// sandboxFixes are the emulator's knobs that stand for a console setting, by the step where
// the operator changes that setting. When the operator says they fixed the step, the
// emulated account changes as LINE's would, so that a sandbox fault is repaired the way the
// real one is. Knobs that stand for a wrong value (wrong_token…) stay: the operator repairs
// those by typing the right value, which the sandbox has no way to tell apart.
var sandboxFixes = map[string][]string{
	"line.chat_on":  {"chat_off"},
	"line.webhook":  {"webhook_inactive"},
	"line.callback": {"callback_unregistered"},
	// The CMS given this channel's secret again answers LINE's webhook test.
	"line.cms": {"webhook_test_cms_status"},
}

// sandboxFixed is wizard.Session.Fixed in --sandbox: step id was fixed in the console.
func sandboxFixed(ln *fakeapi.LINE) func(id string) {
	return func(id string) {
		for _, knob := range sandboxFixes[id] {
			_ = ln.ClearKnob(knob) // the names are the emulator's own
		}
	}
}

// Package fakeapi emulates the LINE and NAVER endpoints the checks call, as FACTS.md
// describes them, with knobs for every failure. It backs the tests, --sandbox and the
// benchmark; it listens only on 127.0.0.1.
package fakeapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Knob is one failure an emulator can be told to show.
type Knob struct {
	Name   string // as given to SetKnob and to SETUP_WIZARD_SANDBOX_FAULTS
	Help   string // one line for --help and the sandbox banner
	HelpJA string // the same in Japanese (--help --lang ja)
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// parseKnob reads one knob name against the emulator's list: a "<latency>=<duration>"
// knob yields the duration (isLatency true); any other listed name is returned as is; an
// unknown name is an error that lists every valid one.
func parseKnob(emulator, latency string, knobs []Knob, name string) (knob string, d time.Duration, isLatency bool, err error) {
	name = strings.TrimSpace(name)
	if v, ok := strings.CutPrefix(name, latency+"="); ok {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return "", 0, false, fmt.Errorf("fakeapi: %s wants a duration such as 200ms, got %q", latency, v)
		}
		return "", d, true, nil
	}
	var names []string
	for _, k := range knobs {
		if k.Name == name && !strings.Contains(name, "=") {
			return name, 0, false, nil
		}
		names = append(names, k.Name)
	}
	return "", 0, false, fmt.Errorf("fakeapi: unknown %s knob %q; valid knobs: %s", emulator, name, strings.Join(names, ", "))
}

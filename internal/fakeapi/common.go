// Package fakeapi emulates the LINE and NAVER endpoints the checks call, as FACTS.md
// describes them, with knobs for every failure. It backs the tests, --sandbox and the
// benchmark; it listens only on 127.0.0.1.
package fakeapi

import (
	"encoding/json"
	"net/http"
)

// Knob is one failure an emulator can be told to show.
type Knob struct {
	Name string // as given to SetKnob and to SETUP_WIZARD_SANDBOX_FAULTS
	Help string // one line for --help and the sandbox banner
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

package main

import (
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// A file name is the customer's: one holding terminal escape sequences (clear the
// screen, set the window title, ring the bell) is drawn without them in the batch table,
// which goes to stdout unfiltered.
func TestBatchTableCleansFileNames(t *testing.T) {
	name := "esc/\x1b[2J\x1b]0;pwn\x07x.yaml"
	rows := []*row{{path: name, code: 2, report: verify.JSONReport{Results: []verify.JSONResult{{ID: "config", Status: verify.Error, Message: "bad"}}}}}
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		var b strings.Builder
		if err := writeBatchTable(&b, rows, l); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07") {
			t.Errorf("%s: escape sequences reach the terminal: %q", l, b.String())
		}
		if !strings.Contains(b.String(), "esc/") || !strings.Contains(b.String(), "x.yaml") {
			t.Errorf("%s: the file is not named: %q", l, b.String())
		}
	}
}

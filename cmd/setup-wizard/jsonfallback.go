package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// --json (contract, DESIGN.md): stdout carries one report on every exit. A run that stops
// before its report (the answers file cannot be loaded, the config file cannot be read,
// a usage mistake, ctrl+c) still prints one, with its exit code; the words for people
// stay on stderr.

// countingWriter is stdout as the reports see it: it tells whether anything was written.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// out is stdout for what the commands print themselves (reports, tables).
func (a *App) out() io.Writer {
	if a.stdout == nil {
		return a.IO.Out
	}
	return a.stdout
}

// jsonOnFailure writes the report of a --json run that ended with code before printing
// one. The interactive walks print none (their report is the screen).
func (a *App) jsonOnFailure(c *cobra.Command, code int, err error) {
	if c == nil || a.stdout == nil || a.stdout.n > 0 {
		return
	}
	if a.jsonFallback != nil {
		a.jsonFallback(code, err)
		return
	}
	f := c.Flags().Lookup("json")
	if f == nil || f.Value.String() != "true" {
		return
	}
	meta := verify.ReportMeta{Tool: reportTool(), Config: a.ConfigPath}
	var rep verify.JSONReport
	switch c.Name() {
	case "line", "naver", c.Root().Name():
		if a.interactive() {
			return
		}
		switch c.Name() {
		case "line":
			meta.Provider = "line"
			if fl := c.Flags().Lookup("flow"); fl != nil && (fl.Value.String() == "new" || fl.Value.String() == "switch") {
				meta.Flow = "line." + fl.Value.String()
			}
		case "naver":
			meta.Provider, meta.Flow = "naver", "naver"
		}
		// As a walk stopped by invalid input: no results, the problem on stderr.
		rep = verify.NewJSONReport(meta, nil, a.lang)
		rep.ExitCode = code
	case "verify":
		meta.Config = ""
		if paths, _ := c.Flags().GetStringArray("config"); len(paths) == 1 {
			meta.Config = paths[0]
		}
		rep = a.errorReport(meta, code, err)
	default:
		return
	}
	_ = verify.WriteReport(a.stdout, rep, true)
}

// errorReport is the report of a config that could not be checked: one result "config"
// with status error saying why (the same in a batch row and for a single file).
func (a *App) errorReport(meta verify.ReportMeta, code int, err error) verify.JSONReport {
	rep := verify.NewJSONReport(meta, nil, a.lang)
	rep.ExitCode = code
	msg := err.Error()
	var load *config.LoadError
	switch {
	case errors.As(err, &load):
		msg = load.Message(string(a.lang))
	case errors.Is(err, wizard.ErrInterrupted), errors.Is(err, context.Canceled):
		msg = a.interruptedMessage(err) // "Stopped. …" in the user's language
	}
	if a.Secrets != nil {
		msg = a.Secrets.Text(msg)
	}
	rep.Results = []verify.JSONResult{{ID: "config", Status: verify.Error, Message: steps.Clean(msg)}}
	rep.Summary.Error = 1
	return rep
}

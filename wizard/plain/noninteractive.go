package plain

import (
	"context"
	"errors"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// RunNonInteractive checks every value of every visible step without asking anything,
// runs the flow's live checks and writes the config file only when all is well.
//
// Problems go to Err, one line each naming the config key, its label, the rule and the
// fix; warnings are printed and do not stop the run. Any error: *wizard.InvalidError and
// nothing written. A failed check (or one that could not tell): *wizard.ExitCodeError with
// code 3 (or 4) and nothing written, so a failed run never replaces a good file. The check
// report goes to Out (as JSON with o.JSON, the text one then going to Err).
func RunNonInteractive(ctx context.Context, s *wizard.Session, o Options) error {
	errOut := &printer{w: o.Err, safe: s.Safe}
	l := s.Lang

	ps := s.Engine.Validate()
	var errs []steps.Problem
	for _, p := range ps {
		errOut.line(problemLine(l, p))
		if p.Severity == steps.Error {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		errOut.line(txtProblemCount(l, len(errs)))
		if o.JSON {
			// CI reads one report per run even when nothing could be checked: no results,
			// exit code 2; the problems are on stderr.
			rep := verify.NewJSONReport(reportMeta(s, o), nil, l)
			rep.ExitCode = wizard.ExitUsage
			_ = verify.WriteReport(o.Out, rep, true)
		}
		return &wizard.InvalidError{Problems: errs}
	}
	if err := ctx.Err(); err != nil {
		return wizard.ErrInterrupted
	}

	answers := unattendedAnswers(s.Engine)
	var results []verify.Result
	if s.Checker != nil {
		errOut.line(txtChecking.In(l))
		prog := newProgress(errOut, l, o.now)
		results = s.Checker.Run(ctx, checkIDs(s.Engine.Flow()), answers, prog.emit)
		if ctx.Err() != nil {
			return wizard.ErrInterrupted
		}
		if err := writeReport(s, o, errOut, results); err != nil {
			return err
		}
		if code := verify.ExitCode(results); code != verify.ExitOK {
			msg := txtCheckFailed
			if code == verify.ExitUnreachable {
				msg = txtCheckUnknown
			}
			errOut.line(msg.In(l))
			return &wizard.ExitCodeError{Code: code, Err: errors.New(msg.In(steps.EN))}
		}
		for _, r := range results {
			s.Engine.Learn(r.Learnt) // the channel ID behind the token goes into the file
			for k, v := range r.Learnt {
				if v != "" {
					answers[k] = v
				}
			}
		}
	} else if o.JSON {
		if err := verify.WriteJSON(o.Out, reportMeta(s, o), nil, l); err != nil {
			return err
		}
	}

	path, err := s.Save(answers, results)
	if err != nil {
		errOut.line(steps.Clean(txtSaveFailed(l, err)))
		return &wizard.ExitCodeError{Code: wizard.ExitError, Err: err}
	}
	if s.Draft != nil {
		_ = s.Draft.Delete() // a draft never outlives a run that wrote the file
	}
	errOut.line(txtWritten(l, path))
	return nil
}

// writeReport prints the results: text on Out, or JSON on Out and text on Err.
func writeReport(s *wizard.Session, o Options, errOut *printer, results []verify.Result) error {
	if o.JSON {
		if err := verify.WriteJSON(o.Out, reportMeta(s, o), results, s.Lang); err != nil {
			return err
		}
		return writeText(errOut, results, s)
	}
	out := &printer{w: o.Out, safe: errOut.safe}
	return writeText(out, results, s)
}

// reportMeta is what the JSON report says it is about: the session's flow and provider.
func reportMeta(s *wizard.Session, o Options) verify.ReportMeta {
	m := o.Report
	m.Provider, m.Flow = s.Engine.Flow().Provider, s.Engine.Flow().ID
	if m.Config == "" {
		m.Config = s.ConfigPath
	}
	return m
}

// writeText runs verify's text report through the printer, so that a secret quoted by an
// API answer is taken out like everywhere else.
// Steps to revisit are named by their titles in the flow.
func writeText(p *printer, results []verify.Result, s *wizard.Session) error {
	var b strings.Builder
	title := func(id string) steps.Text {
		if st := s.Engine.Flow().Step(id); st != nil {
			return st.Title
		}
		return steps.Text{}
	}
	if err := verify.WriteTextNamed(&b, results, s.Lang, title); err != nil {
		return err
	}
	p.write(b.String())
	return nil
}

// unattendedAnswers are the answers a run without a person works with: derived values
// fill empty fields as usual, except a yes/no that steers the flow ("flow.…", such as the
// consent to write the webhook URL through the API). Its derived default is a proposal a
// person accepts by pressing Enter; unattended, only an explicit answer (--set-webhook)
// says yes, so it is "false" unless given.
func unattendedAnswers(e *wizard.Engine) steps.Answers {
	a := e.Answers()
	raw := e.Raw()
	for _, st := range e.Flow().Steps {
		for _, f := range st.Fields {
			if f.Kind == steps.KindConfirm && strings.HasPrefix(f.Key, "flow.") && raw.Get(f.Key) == "" {
				a[f.Key] = "false"
			}
		}
	}
	return a
}

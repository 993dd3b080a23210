package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// NoAnswerError says the input ended while a question was open; What names it (a config
// key, or the question). RunAccessible and Choose return it inside a *wizard.ExitCodeError
// with code 2, after printing it.
type NoAnswerError struct {
	What string
	Lang steps.Lang
	// Missing lists the config keys still without a valid value, for the operator to
	// give another way (--answers, env).
	Missing []string
}

func (e *NoAnswerError) Error() string { return txtNoAnswer(e.Lang, e.What, e.Missing) }

// errBack is how a question reports that the operator typed "<".
var errBack = errors.New("back")

// errAgain is how a question reports "check again" on the step a failure sent the
// operator to.
var errAgain = errors.New("check again")

// RunAccessible walks the flow as plain questions, one per line, for screen readers and
// for answers piped on stdin (one answer per line). Each visible step prints its title,
// its place, its warning, what to do and its console pages as plain URLs, then asks its
// fields; Enter keeps the value shown, "<" goes back a step, "o" opens a page. The draft
// is saved after every step, the step's live checks run once it is passed, the config is
// written at the hand-over step and again, with every result, at the end.
//
// Errors: input ended before the end → *wizard.ExitCodeError{Code: 2} naming the field;
// a value still wrong after a few tries on piped input → *wizard.InvalidError; ctx
// cancelled → wizard.ErrInterrupted (the draft is kept); a check that failed or could not
// tell at the end → *wizard.ExitCodeError with 3 or 4 (the file is written all the same:
// the operator chose to go on).
func RunAccessible(ctx context.Context, s *wizard.Session, o Options) error {
	w := newWalk(s, o)
	return w.run(ctx)
}

// walk is one accessible run.
type walk struct {
	s   *wizard.Session
	o   Options
	l   steps.Lang
	out *printer
	in  *lineReader
	// tty reads secrets when o.TTY is set and is not a terminal itself (tests).
	tty        *lineReader
	inTerminal bool
	prog       *progress
	shown      *steps.Step
	stepTries  map[string]int
	leftForNow map[string]bool // confirmations the operator left for now (confirm.go)
}

func newWalk(s *wizard.Session, o Options) *walk {
	w := &walk{s: s, o: o, l: s.Lang, in: o.input(), stepTries: map[string]int{}}
	w.out = &printer{w: o.Out, safe: s.Safe}
	if o.Out == nil {
		w.out.w = io.Discard
	}
	_, w.inTerminal = terminalFd(o.In)
	if o.TTY != nil {
		if _, ok := terminalFd(o.TTY); !ok {
			w.tty = newLineReader(o.TTY)
		}
	}
	w.prog = newProgress(w.out, w.l, o.now)
	return w
}

func (w *walk) e() *wizard.Engine { return w.s.Engine }

func (w *walk) run(ctx context.Context) error {
	if w.s.Pending != nil {
		if err := w.offerResume(ctx); err != nil {
			return w.stop(err)
		}
	}
	w.out.line(txtHowTo.In(w.l))
	for {
		if ctx.Err() != nil {
			return w.stop(ctx.Err())
		}
		cur := w.e().Current()
		if cur == nil {
			if err := w.finish(ctx); !errors.Is(err, errVisit) {
				return err
			}
			continue
		}
		if w.shown != cur {
			if err := w.showStep(cur); err != nil {
				return w.stop(err)
			}
		}
		err := w.askStep(ctx, cur)
		if errors.Is(err, errAgain) || (err == nil && w.ledger().StepFailed(cur.ID) && w.s.Checker != nil) {
			// On the step a failure sent the operator to: check again here.
			if errs := wizard.Errors(w.e().Problems(cur)); err == nil && len(errs) > 0 {
				for _, p := range errs {
					w.out.line(w.problem(p))
				}
				continue
			}
			if err := w.checkAgain(ctx, cur); err != nil {
				return w.stop(err)
			}
			continue
		}
		if errors.Is(err, errBack) {
			if !w.e().Back() {
				if w.s.BackToStart {
					w.saveDraft()
					return wizard.ErrBackToStart // to the question that chose this walk
				}
				w.out.line(txtAtFirst.In(w.l))
			}
			w.saveDraft()
			continue
		}
		if err != nil {
			return w.stop(err)
		}
		// Each field was checked as it was typed; this catches rules across fields.
		if errs := wizard.Errors(w.e().Next()); len(errs) > 0 {
			for _, p := range errs {
				w.out.line(w.problem(p))
			}
			w.stepTries[cur.ID]++
			if !w.inTerminal && w.stepTries[cur.ID] >= maxTries {
				w.out.line(txtTooMany(w.l, steps.Clean(cur.Title.In(w.l))))
				return w.stop(&wizard.InvalidError{Problems: errs})
			}
			continue
		}
		w.saveDraft()
		if err := w.runChecks(ctx, cur); err != nil {
			return w.stop(err)
		}
	}
}

func (w *walk) ledger() *wizard.Ledger { return w.s.Ledger() }

// stop ends the walk on err: the draft keeps the answers so far.
func (w *walk) stop(err error) error {
	w.saveDraft()
	var (
		na *NoAnswerError
		se *SilenceError
	)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), errors.Is(err, wizard.ErrInterrupted):
		return wizard.ErrInterrupted
	case errors.As(err, &na):
		w.errLine(na.Error())
		return &wizard.ExitCodeError{Code: wizard.ExitUsage, Err: na}
	case errors.As(err, &se):
		w.errLine(se.Error())
		return &wizard.ExitCodeError{Code: wizard.ExitUsage, Err: se}
	}
	return err
}

func (w *walk) errLine(s string) {
	if w.o.Err == nil {
		w.out.line(s)
		return
	}
	(&printer{w: w.o.Err, safe: w.out.safe}).line(s)
}

func (w *walk) saveDraft() {
	if err := w.s.SaveDraft(); err != nil {
		w.out.line(steps.Clean(txtDraftFailed(w.l, err)))
	}
}

func (w *walk) offerResume(ctx context.Context) error {
	d := w.s.Pending
	w.s.Pending = nil
	fl := w.e().Flow()
	when := d.Saved.Local().Format("2006-01-02 15:04")
	question := txtResumeEndQ(w.l, when)
	if st := fl.Step(d.Step); st != nil {
		question = txtResumeQ(w.l, st.Title.In(w.l), when)
	} else if d.Step != "" {
		question = txtResumeQ(w.l, steps.Clean(d.Step), when)
	}
	if note := d.RetypeNote(fl, w.l); note != "" {
		w.out.line(steps.Clean(note))
	}
	yes, err := w.askYesNo(ctx, "flow.resume", question, "true", nil)
	if err != nil {
		return err
	}
	if yes {
		w.s.Engine = wizard.Resume(fl, *d)
		return nil
	}
	if w.s.Draft != nil {
		_ = w.s.Draft.Delete()
	}
	w.out.line(txtResumeNew.In(w.l))
	return nil
}

// showStep prints what the step asks the operator to do.
func (w *walk) showStep(st *steps.Step) error {
	w.shown = st
	n, total := w.e().Position()
	w.out.line("")
	w.out.line(txtStepOf(w.l, n, total) + colon(w.l) + st.Title.In(w.l))
	if warn := st.Warn.In(w.l); warn != "" {
		w.out.line(txtImportant.In(w.l) + warn)
	}
	if body := st.Body.In(w.l); body != "" {
		w.out.line(body)
	}
	if len(st.Links) > 0 {
		w.out.line(txtLinks.In(w.l))
		for i, ln := range st.Links {
			w.out.line(fmt.Sprintf("  %d. %s: %s", i+1, ln.Label.In(w.l), ln.URL))
		}
		if w.s.OpenURL != nil {
			w.out.line(txtOpenHint.In(w.l))
		}
	}
	if ids := w.ledger().FailingFor(st.ID); len(ids) > 0 {
		for _, p := range w.ledger().Problems() {
			if p.Step == st {
				w.out.line(w.problemLine(p))
			}
		}
		w.out.line(txtAgainHint(w.l, againWord(w.l)))
	}
	if st.Handover {
		return w.handover()
	}
	return nil
}

// handover lists the values to copy into the CMS (secrets shortened) and writes the
// config file, so that the full secrets can be copied from it.
func (w *walk) handover() error {
	a := w.e().Answers()
	w.out.line(txtCMSValues.In(w.l))
	anySecret := false
	for _, r := range w.e().Handover(w.shown) {
		shown := strings.Join(steps.SplitList(steps.Clean(r.Value)), ", ")
		if f, _, ok := w.e().Flow().Field(r.Key); !ok || f.Kind != steps.KindList {
			shown = steps.Clean(r.Value)
		}
		if r.Secret {
			shown = wizard.Mask(r.Value, w.l)
			anySecret = true
		}
		line := fmt.Sprintf("  %s: %s", r.Label.In(w.l), shown)
		if r.Wrong {
			line += " " + txtWrongValue.In(w.l)
		}
		w.out.line(line)
	}
	path, err := w.s.Save(a, nil)
	if err != nil {
		w.out.line(steps.Clean(txtSaveFailed(w.l, err)))
		return &wizard.ExitCodeError{Code: wizard.ExitError, Err: err}
	}
	w.out.line(txtWritten(w.l, path))
	if anySecret {
		w.out.line(txtRedactedNote(w.l, path))
	}
	return nil
}

// askStep asks the step's fields, then its confirmation.
func (w *walk) askStep(ctx context.Context, st *steps.Step) error {
	for _, f := range st.Fields {
		if err := w.askField(ctx, st, f); err != nil {
			return err
		}
	}
	if !st.Confirm.IsZero() {
		return w.askDone(ctx, st)
	}
	if len(st.Fields) == 0 {
		_, err := w.ask(ctx, st.ID, txtContinue.In(w.l), false, st.Links)
		return err
	}
	return nil
}

// askField asks one field until its value passes, Enter keeping the current value.
func (w *walk) askField(ctx context.Context, st *steps.Step, f steps.Field) error {
	label := f.Label.In(w.l)
	if help := f.Help.In(w.l); help != "" {
		w.out.line("  " + help)
	}
	if f.Translation != nil { // a text pasted into a console in another language (NAVER's Korean form)
		if v := w.e().Value(f.Key); v != "" {
			w.out.line("  " + txtPasteText.In(w.l) + steps.Clean(v))
			w.out.line("  " + txtPasteSays.In(w.l) + steps.Clean(f.Translation(w.e().Answers(), w.l)))
		}
	}
	switch f.Kind {
	case steps.KindChoice:
		for i, op := range f.Options {
			w.out.line(fmt.Sprintf("  %d. %s", i+1, optionLabel(op, w.l)))
		}
	case steps.KindList:
		w.out.line("  " + txtListHint.In(w.l))
	}
	for tries := 1; ; tries++ {
		cur := w.e().Value(f.Key)
		prompt := label
		switch f.Kind {
		case steps.KindConfirm:
			prompt = join(w.l, prompt, txtYesNo.In(w.l))
		case steps.KindChoice:
			prompt = join(w.l, prompt, txtRange(w.l, len(f.Options)))
		case steps.KindSecret:
			prompt = join(w.l, prompt, txtHidden.In(w.l))
		}
		if cur != "" {
			prompt = join(w.l, prompt, txtKeeps(w.l, w.display(f, cur)))
		}
		raw, err := w.ask(ctx, f.Key, prompt, f.Secret(), st.Links)
		if err != nil {
			return err
		}
		v, bad := w.parse(f, raw, cur)
		ps := bad
		if ps == nil {
			a := w.e().Answers()
			a[f.Key] = v
			ps = f.Check(v, a)
		}
		for _, p := range ps {
			w.out.line(w.problem(p))
		}
		errs := wizard.Errors(ps)
		if len(errs) == 0 {
			w.e().Set(f.Key, v)
			return nil
		}
		if !w.fromTerminal(f.Secret()) && tries >= maxTries {
			w.out.line(txtTooMany(w.l, label))
			return &wizard.InvalidError{Problems: errs}
		}
	}
}

// askDone asks the step's "done in the console?" question; only yes goes on.
func (w *walk) askDone(ctx context.Context, st *steps.Step) error {
	key := st.ConfirmKey()
	for tries := 1; ; tries++ {
		yes, err := w.askYesNo(ctx, key, st.Confirm.In(w.l), w.e().Value(key), st.Links)
		if err != nil {
			return err
		}
		if yes {
			w.e().Set(key, "true")
			return nil
		}
		w.e().Set(key, "false")
		w.out.line(txtConfirmNo.In(w.l))
		if !w.inTerminal && tries >= maxTries {
			w.out.line(txtTooMany(w.l, steps.Clean(st.Title.In(w.l))))
			return &wizard.InvalidError{Problems: []steps.Problem{{Field: key, Label: st.Title, Rule: txtConfirmReq, Fix: txtConfirmFix}}}
		}
	}
}

// askYesNo asks a yes/no question; def ("true", "false" or "") is what Enter gives.
func (w *walk) askYesNo(ctx context.Context, what, question, def string, links []steps.Link) (bool, error) {
	for tries := 1; ; tries++ {
		prompt := join(w.l, question, txtYesNo.In(w.l))
		if def != "" {
			prompt = join(w.l, prompt, txtKeeps(w.l, yesNoWord(w.l, def)))
		}
		raw, err := w.ask(ctx, what, prompt, false, links)
		if err != nil {
			return false, err
		}
		if raw == "" && def != "" {
			return def == "true", nil
		}
		if b, ok := parseYesNo(raw); ok {
			return b, nil
		}
		w.out.line(txtBadYesNo.In(w.l))
		if !w.inTerminal && tries >= maxTries {
			w.out.line(txtTooMany(w.l, steps.Clean(question)))
			return false, &wizard.InvalidError{Problems: []steps.Problem{{Field: what, Rule: txtBadYesNo}}}
		}
	}
}

// ask prints prompt and reads one answer. "<" (back, 戻る) returns errBack; "o" or "oN"
// opens a page of the step (or prints its address) and asks again.
func (w *walk) ask(ctx context.Context, what, prompt string, secret bool, links []steps.Link) (string, error) {
	for {
		line, err := w.read(ctx, prompt+colon(w.l), secret)
		if errors.Is(err, errInputEnded) {
			return "", &NoAnswerError{What: what, Lang: w.l, Missing: w.missing()}
		}
		if errors.Is(err, errSilent) {
			return "", &SilenceError{After: w.in.silence, What: what, Lang: w.l, Missing: w.missing()}
		}
		if err != nil {
			return "", err
		}
		t := strings.TrimSpace(line)
		if isBack(t) {
			return "", errBack
		}
		if isAgain(t) && w.e().Current() != nil && w.ledger().StepFailed(w.e().Current().ID) {
			return "", errAgain
		}
		if i, ok := openIndex(t, len(links)); ok {
			w.open(links[i].URL)
			continue
		}
		return t, nil
	}
}

// read reads one line; a secret comes from the TTY when there is one, and is never echoed
// when it is read from a terminal.
func (w *walk) read(ctx context.Context, prompt string, secret bool) (string, error) {
	if secret && w.o.TTY != nil {
		fmt.Fprint(w.o.TTY, prompt)
		if fd, ok := terminalFd(w.o.TTY); ok {
			s, err := readPassword(ctx, fd)
			fmt.Fprintln(w.o.TTY)
			return s, err
		}
		s, err := w.tty.readLine(ctx)
		fmt.Fprintln(w.o.TTY)
		return s, err
	}
	w.out.write(prompt)
	if secret && w.inTerminal {
		fd, _ := terminalFd(w.o.In)
		s, err := readPassword(ctx, fd)
		w.out.line("")
		return s, err
	}
	s, err := w.in.readLine(ctx)
	if !w.inTerminal {
		w.out.line("") // nothing was echoed: end the prompt's line
	}
	return s, err
}

// missing lists the config keys of the flow that still have no valid value, in step
// order: what a run that cannot ask must be given another way.
func (w *walk) missing() []string {
	var keys []string
	seen := map[string]bool{}
	for _, p := range wizard.Errors(w.e().Validate()) {
		if !seen[p.Field] && config.IsKey(p.Field) {
			seen[p.Field] = true
			keys = append(keys, p.Field)
		}
	}
	return keys
}

// fromTerminal reports whether a person types the answer (then a wrong value may be
// retried for ever) or a script pipes it (then only a few times).
func (w *walk) fromTerminal(secret bool) bool {
	if secret && w.o.TTY != nil {
		_, ok := terminalFd(w.o.TTY)
		return ok
	}
	return w.inTerminal
}

func (w *walk) open(url string) {
	if w.s.OpenURL == nil {
		w.out.line(txtOpenFailed(w.l, url))
		return
	}
	if err := w.s.OpenURL(url); err != nil {
		w.out.line(txtOpenFailed(w.l, url))
		return
	}
	w.out.line(txtOpened(w.l, url))
}

// parse turns what was typed into the stored value; Enter alone keeps cur.
func (w *walk) parse(f steps.Field, raw, cur string) (string, []steps.Problem) {
	bad := func(rule, fix steps.Text) []steps.Problem {
		return []steps.Problem{{Field: f.Key, Label: f.Label, Rule: rule, Fix: fix}}
	}
	if raw == "" {
		if f.Kind == steps.KindConfirm && cur == "" {
			return "", bad(txtBadYesNo, steps.Text{})
		}
		return cur, nil
	}
	switch f.Kind {
	case steps.KindConfirm:
		b, ok := parseYesNo(raw)
		if !ok {
			return "", bad(txtBadYesNo, steps.Text{})
		}
		return strconv.FormatBool(b), nil
	case steps.KindChoice:
		if v, ok := pickOption(f.Options, raw, w.l); ok {
			return v, nil
		}
		return "", bad(txtBadChoice, steps.T(txtChooseNumber(steps.EN, len(f.Options))+".", txtChooseNumber(steps.JA, len(f.Options))+"を入力してください。"))
	case steps.KindList:
		return steps.JoinList(steps.SplitList(raw)), nil
	}
	return raw, nil
}

// display is how a current value is shown as the default: secrets shortened.
func (w *walk) display(f steps.Field, v string) string {
	switch {
	case f.Secret() || wizard.IsSecretKey(f.Key):
		return wizard.Mask(v, w.l)
	case f.Kind == steps.KindConfirm:
		return yesNoWord(w.l, v)
	case f.Kind == steps.KindChoice:
		for _, op := range f.Options {
			if op.Value == v {
				return optionLabel(op, w.l)
			}
		}
	case f.Kind == steps.KindList:
		return steps.Clean(strings.Join(steps.SplitList(v), ", "))
	}
	return steps.Clean(v)
}

// problem is a problem as the accessible walk says it: the field's label, the rule, the fix.
func (w *walk) problem(p steps.Problem) string {
	s := p.Message(w.l)
	if p.Severity == steps.Warning {
		s = txtWarningPrefix.In(w.l) + s
	}
	return steps.Clean(s)
}

// runChecks runs the live checks of a step just passed, and any whose values changed
// since their last result; a failure stops the walk (stopped).
func (w *walk) runChecks(ctx context.Context, st *steps.Step) error {
	if w.s.Checker == nil {
		return nil
	}
	ids := union(st.Checks, w.ledger().Stale())
	if len(ids) == 0 {
		return nil
	}
	res, err := w.runIDs(ctx, ids, st.ID)
	if err != nil || len(res) == 0 {
		return err
	}
	if w.ledger().Stops(res) {
		return w.stopped(ctx)
	}
	return nil
}

// runIDs runs checks ids for step origin, records them in the ledger and prints each
// result.
func (w *walk) runIDs(ctx context.Context, ids []string, origin string) ([]verify.Result, error) {
	w.out.line(txtRunning.In(w.l))
	w.ledger().Start(ids, origin)
	res := w.s.Checker.Run(ctx, ids, w.e().Answers(), w.prog.emit)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	w.ledger().Ended(ids, res, origin)
	if len(res) == 0 {
		w.out.line(txtNoChecks.In(w.l))
		return nil, nil
	}
	for _, r := range res {
		w.out.line(w.resultLine(r))
		if d := steps.Clean(r.Detail); d != "" && r.Status != verify.Pass {
			w.out.line("    " + txtDetail(w.l, d))
		}
	}
	return w.confirmAll(ctx, res, origin)
}

// stopped says which checks failed, why and where to fix them, and asks what now: go
// there (g), check again (r) or continue anyway (n).
func (w *walk) stopped(ctx context.Context) error {
	for {
		problems := w.ledger().Problems()
		if len(problems) == 0 {
			w.out.line(txtFixedNow.In(w.l))
			return nil
		}
		w.out.line("")
		w.out.line(txtStopped(w.l, len(problems), unreachedOnly(problems)))
		var first *wizard.Problem
		for i, p := range problems {
			w.out.line(w.problemLine(p))
			if first == nil && p.Step != nil {
				first = &problems[i]
			}
		}
		choice, err := w.askStopChoice(ctx, first)
		if err != nil {
			return err
		}
		switch choice {
		case "g":
			w.e().Visit(first.Step.ID)
			w.shown = nil
			w.saveDraft()
			return nil
		case "n":
			w.ledger().Accept()
			w.out.line(txtGoingOn.In(w.l))
			return nil
		}
		var ids []string
		for _, p := range problems {
			ids = union(ids, []string{p.Result.ID}, w.ledger().Recheck(w.ledger().Target(p.Result.ID)))
		}
		if _, err := w.runIDs(ctx, ids, ""); err != nil {
			return err
		}
	}
}

// askStopChoice asks for g, r or n (or their words) until one comes.
func (w *walk) askStopChoice(ctx context.Context, first *wizard.Problem) (string, error) {
	q := txtStopChoiceNoStep.In(w.l)
	if first != nil {
		q = txtStopChoice(w.l, first.Number, first.Step.Title.In(w.l))
	}
	for tries := 1; ; tries++ {
		raw, err := w.ask(ctx, "flow.stop", q, false, nil)
		var na *NoAnswerError
		if errors.As(err, &na) {
			// The answers ran out here: go on, and let the end say what failed (exit 3
			// or 4), as it would for an operator who chose n.
			return "n", nil
		}
		if err != nil {
			return "", err
		}
		switch c := stopChoice(raw); {
		case c == "g" && first != nil, c == "r", c == "n":
			return c, nil
		}
		w.out.line(txtBadStopChoice.In(w.l))
		if !w.inTerminal && tries >= maxTries {
			w.out.line(txtTooMany(w.l, q))
			return "", &wizard.InvalidError{Problems: []steps.Problem{{Field: "flow.stop", Rule: txtBadStopChoice}}}
		}
	}
}

// checkAgain runs, on step st that a failure sent the operator to, the checks that sent
// them there; once they pass, the walk returns to where the operator was.
func (w *walk) checkAgain(ctx context.Context, st *steps.Step) error {
	if w.s.Fixed != nil {
		w.s.Fixed(st.ID)
	}
	ids := union(w.ledger().Recheck(st.ID), st.Checks, w.ledger().Stale())
	if _, err := w.runIDs(ctx, ids, st.ID); err != nil {
		return err
	}
	if w.ledger().StepFailed(st.ID) {
		w.out.line(txtStillFailing(w.l, againWord(w.l)))
		return nil
	}
	w.out.line(txtFixedNow.In(w.l))
	if !st.Confirm.IsZero() {
		w.e().Set(st.ConfirmKey(), "true")
	}
	if errs := wizard.Errors(w.e().Next()); len(errs) > 0 {
		for _, p := range errs {
			w.out.line(w.problem(p))
		}
	}
	w.saveDraft()
	return nil
}

func (w *walk) problemLine(p wizard.Problem) string {
	s := "  " + statusWord(w.l, p.Result.Status) + colon(w.l) + p.Result.ID
	if m := p.Result.Message.In(w.l); m != "" {
		s += colon(w.l) + m
	}
	if p.Step != nil {
		s = sentences(w.l, s, txtFixOn(w.l, p.Number, p.Step.Title.In(w.l)))
	}
	return steps.Clean(s)
}

func (w *walk) resultLine(r verify.Result) string {
	s := "  " + statusWord(w.l, r.Status) + colon(w.l) + r.ID
	if m := r.Message.In(w.l); m != "" {
		s += colon(w.l) + m
	}
	if r.Status != verify.Pass && r.Status != verify.Skipped {
		if st := w.e().Flow().Step(w.ledger().Target(r.ID)); st != nil {
			s = sentences(w.l, s, txtStepRef(w.l, st.Title.In(w.l)))
		}
	}
	return steps.Clean(s)
}

// finish runs every check once more, writes the file with the results, forgets the draft
// and says what comes next: done only when every check passed or warned.
func (w *walk) finish(ctx context.Context) error {
	var results []verify.Result
	if w.s.Checker != nil {
		if ids := w.ledger().AllChecks(); len(ids) > 0 {
			if _, err := w.runIDs(ctx, ids, ""); err != nil {
				return w.stop(err)
			}
		}
		results = w.ledger().Results()
	}
	if problems := w.ledger().Problems(); len(problems) > 0 {
		w.out.line("")
		w.out.line(txtStopped(w.l, len(problems), unreachedOnly(problems)))
		for _, p := range problems {
			w.out.line(w.problemLine(p))
		}
		if p := problems[0]; p.Step != nil {
			raw, err := w.ask(ctx, "flow.end", txtEndChoice(w.l, p.Number, p.Step.Title.In(w.l)), false, nil)
			if err == nil && stopChoice(raw) == "g" {
				w.e().Visit(p.Step.ID)
				w.shown = nil
				w.saveDraft()
				return errVisit
			}
			var na *NoAnswerError
			if err != nil && !errors.As(err, &na) {
				return w.stop(err)
			}
		}
	}
	path, err := w.s.Save(w.e().Answers(), results)
	if err != nil {
		w.out.line(steps.Clean(txtSaveFailed(w.l, err)))
		w.saveDraft()
		return &wizard.ExitCodeError{Code: wizard.ExitError, Err: err}
	}
	if w.s.Draft != nil {
		_ = w.s.Draft.Delete()
	}
	w.out.line("")
	if code := w.ledger().ExitCode(); code != verify.ExitOK {
		pe := &wizard.ProblemsError{Problems: w.ledger().Problems(), Lang: w.l}
		w.out.line(pe.Summary(w.l))
		w.out.line(txtWritten(w.l, path))
		w.out.line(txtExitCode(w.l, code))
		return &wizard.ExitCodeError{Code: code, Err: pe}
	}
	w.out.line(txtAllDone.In(w.l))
	if len(results) > 0 {
		w.out.line(txtReport.In(w.l))
		if err := writeText(w.out, results, w.s); err != nil {
			return err
		}
	}
	w.out.line(txtWritten(w.l, path))
	w.out.line(txtNext(w.l, path, steps.Clean(w.s.NextCommand(path))))
	return nil
}

// errVisit tells the walk that the operator went from the end to a step to fix.
var errVisit = errors.New("visit")

// union lists ids from every list once, in the order first met.
func union(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		for _, id := range l {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// stopChoice reads g, r or n, or a word for one, in either language.
func stopChoice(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "g", "go", "移動":
		return "g"
	case "r", "check", "again", "再確認", "確認":
		return "r"
	case "n", "continue", "next", "進む", "続ける":
		return "n"
	}
	return ""
}

// isAgain reports whether s asks to check again in place.
func isAgain(s string) bool { return stopChoice(s) == "r" }

func againWord(l steps.Lang) string {
	if l == steps.JA {
		return "r（再確認）"
	}
	return "r (check)"
}

// Choose asks for one of options as a numbered list (the command's "which integration?"
// in accessible mode). A number or an option's value is accepted. It never waits with
// o.NonInteractive; input ending is *wizard.ExitCodeError{Code: 2}.
func Choose(ctx context.Context, lang steps.Lang, title steps.Text, options []steps.Option, o Options) (string, error) {
	out := &printer{w: o.Out}
	if o.Out == nil {
		out.w = io.Discard
	}
	what := title.In(lang)
	if o.NonInteractive {
		na := &NoAnswerError{What: what, Lang: lang}
		out.line(na.Error())
		return "", &wizard.ExitCodeError{Code: wizard.ExitUsage, Err: na}
	}
	in := o.input()
	_, terminal := terminalFd(o.In)
	out.line(what)
	for i, op := range options {
		out.line(fmt.Sprintf("  %d. %s", i+1, optionLabel(op, lang)))
	}
	for tries := 1; ; tries++ {
		out.write(txtChooseNumber(lang, len(options)) + colon(lang))
		line, err := in.readLine(ctx)
		if !terminal {
			out.line("")
		}
		switch {
		case errors.Is(err, errInputEnded):
			na := &NoAnswerError{What: what, Lang: lang, Missing: o.Missing}
			out.line(na.Error())
			return "", &wizard.ExitCodeError{Code: wizard.ExitUsage, Err: na}
		case errors.Is(err, errSilent):
			se := &SilenceError{After: in.silence, What: what, Lang: lang, Missing: o.Missing}
			out.line(se.Error())
			return "", &wizard.ExitCodeError{Code: wizard.ExitUsage, Err: se}
		case ctx.Err() != nil:
			return "", wizard.ErrInterrupted
		case err != nil:
			return "", err
		}
		if v, ok := pickOption(options, strings.TrimSpace(line), lang); ok {
			return v, nil
		}
		out.line(txtBadChoice.In(lang))
		if !terminal && tries >= maxTries {
			out.line(txtTooMany(lang, what))
			return "", &wizard.InvalidError{Problems: []steps.Problem{{Label: title, Rule: txtBadChoice}}}
		}
	}
}

func optionLabel(op steps.Option, l steps.Lang) string {
	if s := op.Label.In(l); s != "" {
		return s
	}
	return op.Value
}

// pickOption reads a choice typed as its number, its value or its label.
func pickOption(options []steps.Option, raw string, l steps.Lang) (string, bool) {
	raw = strings.TrimSpace(raw)
	if n, err := strconv.Atoi(raw); err == nil {
		if n >= 1 && n <= len(options) {
			return options[n-1].Value, true
		}
		return "", false
	}
	for _, op := range options {
		if strings.EqualFold(raw, op.Value) || strings.EqualFold(raw, op.Label.In(l)) {
			return op.Value, true
		}
	}
	return "", false
}

// parseYesNo accepts y/yes/true/はい and n/no/false/いいえ, in either case.
func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "y", "yes", "true", "はい", "hai", "うん":
		return true, true
	case "n", "no", "false", "いいえ", "iie", "いえ":
		return false, true
	}
	return false, false
}

func yesNoWord(l steps.Lang, v string) string {
	if v == "true" {
		return txtYes.In(l)
	}
	return txtNo.In(l)
}

func colon(l steps.Lang) string {
	if l == steps.JA {
		return "："
	}
	return ": "
}

// sentences puts sentence b after a: after a space in English; Japanese needs none.
func sentences(l steps.Lang, a, b string) string {
	if l == steps.JA {
		return a + b
	}
	return a + " " + b
}

// join adds a note to a prompt: after a space in English; in Japanese a full-width
// bracket needs none.
func join(l steps.Lang, prompt, note string) string {
	if l == steps.JA && (strings.HasPrefix(note, "（") || strings.HasPrefix(note, "［") || strings.HasSuffix(prompt, "）")) {
		return prompt + note
	}
	return prompt + " " + note
}

// isBack reports whether s asks to go back a step.
func isBack(s string) bool {
	switch strings.ToLower(s) {
	case "<", "back", "戻る", "もどる":
		return true
	}
	return false
}

// openIndex reads "o" (the first page) or "o2" (the second) when the step has n pages.
func openIndex(s string, n int) (int, bool) {
	if n == 0 || len(s) == 0 || (s[0] != 'o' && s[0] != 'O') {
		return 0, false
	}
	rest := strings.TrimSpace(s[1:])
	if rest == "" {
		return 0, true
	}
	i, err := strconv.Atoi(rest)
	if err != nil || i < 1 || i > n {
		return 0, false
	}
	return i - 1, true
}

// unreachedOnly reports whether every problem is a check that could not tell (error), none
// a failure.
func unreachedOnly(ps []wizard.Problem) bool {
	for _, p := range ps {
		if p.Result.Status != verify.Error {
			return false
		}
	}
	return len(ps) > 0
}

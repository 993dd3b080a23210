package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/pkg/browser"
	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/desktop"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
	"github.com/setup-wizard/setup-wizard/wizard/plain"
	"github.com/setup-wizard/setup-wizard/wizard/tui"
)

func newLineCmd(a *App) *cobra.Command {
	var flow string
	cmd := &cobra.Command{
		Use:     "line",
		Short:   a.text(helpLineShort),
		Example: a.text(helpLineExample),
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch flow {
			case "", "new", "switch":
			default:
				return usagef(a.text(msgBadFlow), flow)
			}
			return a.runLine(cmd.Context(), flow)
		},
	}
	cmd.Flags().StringVar(&flow, "flow", "", a.text(flagFlow))
	_ = cmd.RegisterFlagCompletionFunc("flow", fixedValues("new\t"+a.text(completeFlowNew), "switch\t"+a.text(completeFlowSwitch)))
	a.addWalkFlags(cmd)
	return cmd
}

func newNaverCmd(a *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "naver",
		Short: a.text(helpNaverShort),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			given, err := a.loadAnswers(cmd.Context())
			if err != nil {
				return err
			}
			return a.runNaver(cmd.Context(), given)
		},
	}
	a.addWalkFlags(cmd)
	return cmd
}

func (a *App) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef(a.text(msgNoArguments), cmd.CommandPath(), strings.Join(args, " "))
	}
	return nil
}

// interactive reports whether the operator can be asked: no --non-interactive, and either
// terminals on both stdin and stdout (the screens; "| tee log" must not draw them into a
// pipe) or the accessible mode, which reads answers from a pipe too.
func (a *App) interactive() bool {
	if a.NonInteractive {
		return false
	}
	return a.Accessible || (isTerminal(a.IO.In) && isTerminal(a.IO.Out))
}

func (a *App) stdinIsTerminal() bool { return isTerminal(a.IO.In) }

// isTerminal reports whether s is a file open on a terminal.
func isTerminal(s any) bool {
	f, ok := s.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// runChooser asks which integration to set up, unless the answers tell.
func (a *App) runChooser(ctx context.Context) error {
	given, err := a.loadAnswers(ctx)
	if err != nil {
		return err
	}
	hasLINE, hasNAVER := false, false
	for k := range given {
		hasLINE = hasLINE || strings.HasPrefix(k, "line.")
		hasNAVER = hasNAVER || strings.HasPrefix(k, "naver.")
	}
	var which string
	switch {
	case hasLINE && !hasNAVER && a.AnswersPath != "":
		which = "line"
	case hasNAVER && !hasLINE && a.AnswersPath != "":
		which = "naver"
	case !a.interactive():
		return usagef("%s", a.text(msgNameIntegration))
	default:
		which, err = a.choose(ctx, msgWhichIntegration, nil, []steps.Option{
			{Value: "line", Label: steps.T("LINE: Official Account, Messaging API and LINE Login", "LINE：公式アカウント・Messaging API・LINEログイン")},
			{Value: "naver", Label: steps.T("NAVER Login (네이버 아이디로 로그인)", "NAVERログイン（네이버 아이디로 로그인）")},
		})
		if err != nil {
			return err
		}
	}
	if which == "naver" {
		return a.runNaver(ctx, given)
	}
	return a.runLineWith(ctx, "", given)
}

func (a *App) runLine(ctx context.Context, flow string) error {
	given, err := a.loadAnswers(ctx)
	if err != nil {
		return err
	}
	return a.runLineWith(ctx, flow, given)
}

func (a *App) runLineWith(ctx context.Context, flow string, given steps.Answers) error {
	if flow == "" {
		flow = given.Get("line.flow")
	}
	switch flow {
	case "new", "switch":
	case "":
		if !a.interactive() {
			return usagef("%s", a.text(msgNameFlow))
		}
		// Back from the first step returns here, to the first-time/switching question.
		for {
			chosen, err := a.choose(ctx, msgWhichFlow, []string{"line.flow"}, []steps.Option{
				{Value: "new", Label: steps.T("First time: no LINE integration yet", "はじめて：まだLINE連携をしていない")},
				{Value: "switch", Label: steps.T("Switching: LINE is already connected to another service", "乗り換え：LINEを別のサービスで連携済み")},
			})
			if err != nil {
				return err
			}
			p, err := a.platformFor(ctx, "line", given)
			if err != nil {
				return err
			}
			a.backToQuestion = true
			err = a.runFlow(ctx, line.FlowByIDFor("line."+chosen, p), given)
			a.backToQuestion = false
			if !errors.Is(err, wizard.ErrBackToStart) {
				return err
			}
		}
	default:
		return usagef(a.text(msgBadAnswersFlow), flow)
	}
	p, err := a.platformFor(ctx, "line", given)
	if err != nil {
		return err
	}
	return a.runFlow(ctx, line.FlowByIDFor("line."+flow, p), given)
}

func (a *App) runNaver(ctx context.Context, given steps.Answers) error {
	p, err := a.platformFor(ctx, "naver", given)
	if err != nil {
		return err
	}
	return a.runFlow(ctx, naver.FlowFor(p), given)
}

// choose asks one question; keys are the config keys the answer stands for, named when
// no answer comes.
func (a *App) choose(ctx context.Context, title steps.Text, keys []string, opts []steps.Option) (string, error) {
	if a.Accessible {
		a.sandboxBanner() // before the first question, not after it
		o := a.plainOptions()
		o.Missing = keys
		return plain.Choose(ctx, a.lang, title, opts, o)
	}
	var picked string
	err := a.safeStderr(func() (err error) {
		picked, err = tui.Choose(ctx, a.lang, title, opts, a.tuiOptions())
		return err
	})
	return picked, err
}

func (a *App) plainOptions() plain.Options {
	o := plain.Options{In: a.IO.In, Out: a.out(), Err: a.IO.Err, Accessible: a.Accessible, NonInteractive: !a.interactive(), JSON: a.JSON}
	o.Report.Tool = reportTool() // the --json report of line and naver names the tool as verify's does
	a.inputOnce.Do(func() { a.input = plain.NewInput(a.IO.In, a.InputTimeout) })
	o.Input = a.input
	if a.Accessible && a.interactive() && !a.stdinIsTerminal() {
		a.ttyOnce.Do(func() {
			if tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0); err == nil {
				a.tty = tty // secrets can be typed unseen while the other answers are piped
			}
		})
		if a.tty != nil {
			o.TTY = a.tty
		}
	}
	return o
}

func (a *App) tuiOptions() tui.Options {
	return tui.Options{In: a.IO.In, Out: a.IO.Out, NoColor: a.Getenv("NO_COLOR") != "", Sandbox: a.Sandbox}
}

// loadAnswers gathers the values known before the first screen, weakest first: the config
// file being edited, the answers file, the environment, the --…-file flags. A -c that is
// not a regular file, or could not be written at the end, is refused here, before any
// question or check.
func (a *App) loadAnswers(ctx context.Context) (steps.Answers, error) {
	if err := a.checkConfigPath(); err != nil {
		return nil, err
	}
	if err := a.guardConfig(); err != nil {
		return nil, err
	}
	given := steps.Answers{}
	if c, err := config.Load(a.ConfigPath); err == nil {
		for k, v := range c.Values() {
			given[k] = v
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err // never overwrite a file we cannot read
	}
	if a.AnswersPath != "" {
		c, err := a.loadAnswersFile(ctx)
		if err != nil {
			return nil, err
		}
		for k, v := range c.Values() {
			given[k] = v
		}
	}
	secrets, err := a.secretsFromEnvAndFiles(ctx)
	if err != nil {
		return nil, err
	}
	for k, v := range secrets {
		given[k] = v
	}
	a.remember(given)
	return given, nil
}

// secretsFromEnvAndFiles reads the secrets given in the environment and by the --…-file
// flags (a file wins over the environment).
func (a *App) secretsFromEnvAndFiles(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	for _, s := range secretInputs() {
		if v := a.Getenv(s.env); v != "" {
			out[s.key] = strings.TrimSpace(v)
		}
		if p := a.SecretFiles[s.key]; p != nil && *p != "" {
			v, err := a.readSecretFile(ctx, s.flag, *p)
			if err != nil {
				return nil, err
			}
			out[s.key] = strings.TrimSpace(v)
		}
	}
	return out, nil
}

// runFlow wires a session for flow and hands it to the front end the mode calls for.
func (a *App) runFlow(ctx context.Context, flow *steps.Flow, given steps.Answers) error {
	// Every way in (replay too) learns before any live check that the file can be written.
	if err := a.checkConfigPath(); err != nil {
		return err
	}
	urls, closeSandbox, err := a.apiURLs(ctx)
	if err != nil {
		return err
	}
	defer closeSandbox()
	if a.Sandbox {
		fillSamples(flow, given)
	}
	if a.SetWebhook {
		given["flow.line.set_webhook"] = "true"
	}
	interactive := a.interactive()
	s := &wizard.Session{
		Engine:      wizard.New(flow, given),
		Lang:        a.lang,
		Checker:     a.suite(urls),
		Save:        a.saver(flow),
		OpenURL:     a.opener(),
		Clipboard:   desktop.Clipboard(a.desktop()),
		Sandbox:     a.Sandbox,
		ConfigPath:  a.ConfigPath,
		Redact:      a.Secrets,
		BackToStart: a.backToQuestion,
		// The front ends name it on the final screen as the next thing to run.
		VerifyCommand: a.verifyCommand(a.Sandbox, a.ConfigPath),
	}
	if a.Sandbox && a.sandboxLINE != nil {
		s.Fixed = sandboxFixed(a.sandboxLINE)
	}
	if dir, err := a.stateDir(); err == nil {
		// Every mode knows the draft of this walk, so that a run that succeeds removes it
		// (CI finishing what an operator left half-way); only a person is offered it.
		s.Draft = wizard.DraftFor(dir, flow.ID, a.ConfigPath).Scope(flow, given)
	}
	if interactive && s.Draft != nil {
		if a.Fresh {
			_ = s.Draft.Delete()
		} else if d, ok, err := s.Draft.Load(); err != nil {
			fmt.Fprintln(a.IO.Err, "setup-wizard: "+err.Error())
		} else if ok && (a.Sandbox || !holdsSamples(s.Draft.Path)) {
			// A draft left by the sandbox before it had a directory of its own is
			// never offered to a real run: its values are samples.
			s.Pending = &d
		}
	}
	if a.replay != nil {
		a.replay(s)
	}
	switch {
	case !interactive:
		a.sandboxBanner()
		err = plain.RunNonInteractive(ctx, s, a.plainOptions())
	case a.Accessible:
		a.sandboxBanner()
		err = keepForQuestion(s, given, plain.RunAccessible(ctx, s, a.plainOptions()))
	default:
		err = keepForQuestion(s, given, a.safeStderr(func() error { return tui.Run(ctx, s, a.tuiOptions()) }))
	}
	if errors.Is(err, wizard.ErrInterrupted) {
		return &interrupted{draftKept: s.Draft != nil && s.Draft.Exists()}
	}
	return err
}

// keepForQuestion carries the answers of a walk the operator left backwards (to the
// question that chose it) into given, for the walk chosen next, instead of a draft to
// resume; the flow's own presets stay behind.
func keepForQuestion(s *wizard.Session, given steps.Answers, err error) error {
	if !errors.Is(err, wizard.ErrBackToStart) {
		return err
	}
	for k, v := range s.Engine.Raw() {
		if _, preset := s.Engine.Flow().Preset[k]; !preset {
			given[k] = v
		}
	}
	if s.Draft != nil {
		_ = s.Draft.Delete()
	}
	return err
}

// fillSamples offers the sandbox's sample values in every field that is still empty.
func fillSamples(flow *steps.Flow, given steps.Answers) {
	for _, st := range flow.Steps {
		for _, f := range st.Fields {
			if f.Sample != "" && given.Get(f.Key) == "" {
				given[f.Key] = f.Sample
			}
		}
	}
}

// checker runs the live checks of a session, making the secrets of each run known to the
// program's redaction first (values typed during the walk included).
type checker struct {
	*verify.Suite
	app *App
}

func (c *checker) Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result {
	c.app.remember(a)
	return c.Suite.Run(ctx, ids, a, emit)
}

func (c *checker) RunAll(ctx context.Context, a steps.Answers, emit func(verify.Event)) []verify.Result {
	c.app.remember(a)
	return c.Suite.RunAll(ctx, a, emit)
}

// suite is the live-check runner; it and its HTTP client's --debug trace mask every
// secret of the run.
func (a *App) suite(urls verify.BaseURLs) *checker {
	if a.Secrets == nil {
		a.Secrets = redact.New()
	}
	var debug io.Writer
	if a.Debug {
		debug = a.IO.Err
	}
	client := verify.NewHTTPClient(verify.HTTPOptions{Version: toolVersion(), Debug: debug, Redact: a.Secrets})
	return &checker{
		Suite: &verify.Suite{
			Checks:  append(line.Checks(), naver.Checks()...),
			Env:     verify.Env{HTTP: client, URLs: urls, SetWebhook: a.SetWebhook},
			Timeout: a.Timeout,
			Redact:  a.Secrets,
		},
		app: a,
	}
}

// saver writes the flow's section of the config file, keeping the other provider's
// section and check results as they are on disk then; it refuses to replace a file it
// cannot read.
func (a *App) saver(flow *steps.Flow) func(steps.Answers, []verify.Result) (string, error) {
	return func(ans steps.Answers, results []verify.Result) (string, error) {
		if err := a.saveSection(flow.Provider, ans, results); err != nil {
			return "", err
		}
		return a.ConfigPath, nil
	}
}

// mergeVerification replaces the results of provider's checks and keeps the others'.
func mergeVerification(old *config.Verification, provider string, results []verify.Result, lang steps.Lang) *config.Verification {
	return mergeVerificationAt(old, provider, results, lang, time.Now())
}

// mergeVerificationAt is mergeVerification with the clock's time.
func mergeVerificationAt(old *config.Verification, provider string, results []verify.Result, lang steps.Lang, now time.Time) *config.Verification {
	v := &config.Verification{At: now.UTC().Truncate(time.Second)}
	if old != nil {
		v.Sandbox = old.Sandbox
		for _, r := range old.Results {
			if !strings.HasPrefix(r.ID, provider+".") {
				v.Results = append(v.Results, r)
			}
		}
	}
	v.Results = append(v.Results, verify.ConfigResults(results, lang)...)
	return v
}

// desktop is what the program may reach of the operator's desktop.
func (a *App) desktop() desktop.Env {
	return desktop.Env{GOOS: runtime.GOOS, Getenv: a.Getenv, LookPath: exec.LookPath}
}

// opener opens console pages: $BROWSER when set, else the system's opener, unless the
// browser would not reach the operator (--no-browser, an SSH session, no display on
// Linux). nil tells the front end to show the URL instead.
func (a *App) opener() func(string) error {
	if a.NoBrowser {
		return nil
	}
	// The browser's own chatter would scribble over the screen.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return desktop.Opener(a.desktop())
}

// Command setup-wizard walks a shop operator through connecting LINE or NAVER Login, checks
// every value live and writes one config file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func main() {
	os.Exit(run(os.Args[1:], &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv))
}

// IO is the program's view of the world: streams and environment. Tests give buffers.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// run executes the command line and returns the exit code (a contract, see DESIGN.md).
func run(args []string, streams *IO, getenv func(string) string) (code int) {
	if len(args) == 1 && args[0] == "--version" {
		// Scripts and package managers ask this alone: answered before the commands and
		// their flags are built (half of --version's own work; the rest is the program's
		// start-up before main).
		fmt.Fprintln(streams.Out, readBuildInfo().String())
		return wizard.ExitOK
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// ctrl+c, SIGTERM and SIGHUP (the terminal closed, an ssh connection dropped) cancel
	// ctx once a command starts: temp files cleaned, "Stopped", exit 130, and in a walk a
	// draft at the current step. --version and --help, done before that, do not pay for
	// the signal thread.
	stopSignals := func() {}
	defer func() { stopSignals() }()
	onStart := func() {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		done := make(chan struct{})
		go func() {
			select {
			case <-sigs:
				cancel()
			case <-done:
			}
		}()
		stopSignals = func() { signal.Stop(sigs); close(done) }
	}
	// Every secret of the run, from wherever it came; whatever goes to stderr passes it.
	secrets := redact.New()
	rawErr := streams.Err
	streams = &IO{In: streams.In, Out: streams.Out, Err: secrets.Writer(streams.Err)}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintln(rawErr, "setup-wizard: internal error; please send this to support:\n"+secrets.Panic(p))
			code = wizard.ExitError
		}
	}()
	app := &App{IO: streams, Getenv: getenv, Secrets: secrets, lang: earlyLang(args, getenv), onStart: onStart, rawErr: rawErr}
	app.stdout = &countingWriter{w: streams.Out}
	cmd := newRootCmd(app)
	if len(args) > 0 && strings.HasPrefix(args[0], "__complete") || slices.Contains(args, "completion") {
		app.localizeNow()
	}
	cmd.SetArgs(args)
	cmd.SetIn(streams.In)
	cmd.SetOut(streams.Out)
	cmd.SetErr(streams.Err)
	c, err := cmd.ExecuteContextC(ctx)
	code = app.exitCode(err)
	if code != wizard.ExitOK {
		app.jsonOnFailure(c, code, err)
	}
	return code
}

// usageError is a mistake on the command line: exit 2 with the message.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{msg: fmt.Sprintf(format, a...)} }

// reported wraps an error whose message the user has already seen.
type reported struct {
	code int
	err  error
}

func (e *reported) Error() string { return e.err.Error() }
func (e *reported) Unwrap() error { return e.err }

// exitCode prints what the user has not seen yet and maps err to the exit code contract.
func (a *App) exitCode(err error) int {
	if err == nil {
		return wizard.ExitOK
	}
	var (
		rep     *reported
		usage   *usageError
		invalid *wizard.InvalidError
		coded   *wizard.ExitCodeError
		load    *config.LoadError
		lock    *config.LockError
	)
	switch {
	case errors.Is(err, errVersionShown):
		return wizard.ExitOK
	case errors.As(err, &rep):
		return rep.code
	case errors.Is(err, wizard.ErrInterrupted), errors.Is(err, context.Canceled):
		fmt.Fprintln(a.IO.Err, a.interruptedMessage(err))
		return wizard.ExitInterrupted
	case errors.As(err, &invalid):
		// The front end printed one line per problem already.
		return wizard.ExitUsage
	case errors.As(err, &coded):
		return coded.Code
	case errors.As(err, &load):
		fmt.Fprintln(a.IO.Err, "setup-wizard: "+load.Message(string(a.lang)))
		return wizard.ExitUsage
	case errors.As(err, &lock):
		fmt.Fprintln(a.IO.Err, "setup-wizard: "+lock.Message(string(a.lang)))
		return wizard.ExitError
	case errors.As(err, &usage), isCobraUsage(err):
		fmt.Fprintln(a.IO.Err, "setup-wizard: "+err.Error())
		fmt.Fprintln(a.IO.Err, a.text(msgSeeHelp))
		return wizard.ExitUsage
	}
	fmt.Fprintln(a.IO.Err, "setup-wizard: "+err.Error())
	return wizard.ExitError
}

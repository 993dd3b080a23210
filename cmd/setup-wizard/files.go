package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// The files a run reads and writes: the -c config file, the --answers file, the
// --…-file secrets. Reading is capped and checked in config; here the reads are made
// interruptible and the saves go through config.Update (lock, merge from disk).

// whileRunning runs read, which may block (an --answers FIFO nobody writes to), and gives
// up when ctx ends, so that ctrl+c and SIGTERM still stop the program.
func whileRunning[T any](ctx context.Context, read func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := read()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, wizard.ErrInterrupted
	}
}

// loadAnswersFile reads --answers; a missing file is the user's mistake (exit 2).
func (a *App) loadAnswersFile(ctx context.Context) (*config.Config, error) {
	c, err := whileRunning(ctx, func() (*config.Config, error) { return config.LoadAnswers(a.AnswersPath) })
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &config.LoadError{Path: a.AnswersPath, Err: err,
			Msg:   "no such file (given with --answers). Check the path.",
			MsgJA: "ファイルがありません（--answersで指定）。パスを確認してください。"}
	}
	return c, err
}

// readSecretFile reads the secret file of a --…-file flag: capped, UTF-8, not empty.
func (a *App) readSecretFile(ctx context.Context, flag, path string) (string, error) {
	v, err := whileRunning(ctx, func() (string, error) { return config.ReadSecretFile(path) })
	var le *config.LoadError
	switch {
	case errors.As(err, &le):
		le.Msg = le.Msg + " (--" + flag + ")"
		le.MsgJA = le.MsgJA + "（--" + flag + "）"
		return "", le
	case errors.Is(err, fs.ErrNotExist):
		return "", &config.LoadError{Path: path, Err: err,
			Msg:   fmt.Sprintf("no such file (given with --%s). Check the path.", flag),
			MsgJA: fmt.Sprintf("ファイルがありません（--%sで指定）。パスを確認してください。", flag)}
	case err != nil:
		return "", err
	}
	if strings.TrimSpace(v) == "" {
		return "", &config.LoadError{Path: path,
			Msg:   fmt.Sprintf("is empty (given with --%s). Put the secret in it, or set it in the environment instead.", flag),
			MsgJA: fmt.Sprintf("空です（--%sで指定）。秘密の値を書き込むか、環境変数で渡してください。", flag)}
	}
	return v, nil
}

// checkConfigPath refuses, before anything is checked or changed, a -c that is not a
// regular file or that could not be written at the end.
func (a *App) checkConfigPath() error {
	return config.CheckWritable(a.ConfigPath)
}

// saveSection writes provider's section of the config file from the answers, with the
// results of provider's checks (nil: keep the recorded ones). Everything else — the other
// provider's section, the other results — is taken from the file as it is on disk at
// save time, under its lock, so runs saving one file at the same time keep each other's
// work.
func (a *App) saveSection(provider string, ans steps.Answers, results []verify.Result) error {
	fresh, _ := config.FromValues(ans)
	return config.Update(a.ConfigPath, func(c *config.Config, _ bool) error {
		switch provider {
		case "line":
			c.LINE = fresh.LINE
		case "naver":
			c.NAVER = fresh.NAVER
		}
		if results != nil {
			c.Verification = mergeVerification(c.Verification, provider, results, a.lang)
		}
		a.markSandbox(c)
		return nil
	})
}

var errConfigGone = errors.New("the config file was removed while it was being checked")

func section(values map[string]string, provider string) map[string]string {
	out := map[string]string{}
	for k, v := range values {
		if strings.HasPrefix(k, provider+".") {
			out[k] = v
		}
	}
	return out
}

// interrupted is ErrInterrupted that knows whether a draft is there to resume.
type interrupted struct{ draftKept bool }

func (e *interrupted) Error() string { return wizard.ErrInterrupted.Error() }
func (e *interrupted) Unwrap() error { return wizard.ErrInterrupted }

// interruptedMessage is what to say on ctrl+c or SIGTERM: a draft is mentioned only when
// one was kept (never in --non-interactive runs, which keep none).
func (a *App) interruptedMessage(err error) string {
	var in *interrupted
	if errors.As(err, &in) && in.draftKept {
		return a.text(msgInterrupted)
	}
	return a.text(msgInterruptedNoDraft)
}

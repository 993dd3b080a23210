// Package plain is the line-by-line front end: --non-interactive, which never waits for
// input, and --accessible, which asks one plain question per line for screen readers and
// for answers piped on stdin. It walks the same flows as the TUI through the wizard engine.
package plain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Options are the streams and modes the command hands to the plain front end.
type Options struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// Accessible asks with plain prompts (--accessible, ACCESSIBLE=1, TERM=dumb).
	Accessible bool
	// NonInteractive never asks (--non-interactive, or no terminal on stdin).
	NonInteractive bool
	// JSON writes the machine report on Out and every human line on Err (--json).
	JSON bool
	// Report names the tool and the config file in the JSON report; the provider and
	// flow come from the session's flow.
	Report verify.ReportMeta
	// TTY, when set, is the terminal (/dev/tty) secrets are read from while In is piped;
	// secrets are then asked there, without echo, and never read from In.
	TTY io.ReadWriter
	// Now is the clock that paces progress lines; nil means time.Now.
	Now func() time.Time
	// Input is the run's one reader of answers (NewInput over In); nil reads In with a
	// reader of this call's own, which loses nothing only when nothing else reads In.
	Input *Input
	// Missing names the config keys a Choose question stands for (line.flow), for the
	// message when no answer comes.
	Missing []string
}

// input is the reader of answers for o: the run's shared one, or one over In.
func (o Options) input() *lineReader {
	if o.Input != nil {
		return o.Input.lr
	}
	return newLineReader(o.In)
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// maxTries is how often a question is asked again on piped input before giving up: a
// script that sends a wrong value would otherwise loop for ever.
const maxTries = 3

// progressEvery keeps CI logs short: a long wait (the webhook countdown) prints at most one
// line per check every ten seconds.
const progressEvery = 10 * time.Second

// printer writes whole lines, from any goroutine, through the session's redaction: escape
// and control characters stripped, every secret of the run masked.
type printer struct {
	mu   sync.Mutex
	w    io.Writer
	safe func(string) string // nil: strip only
}

func (p *printer) line(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintln(p.w, p.scrub(s))
}

func (p *printer) write(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, p.scrub(s))
}

// scrub is the net under everything printed: the front end never prints a secret on
// purpose, but a validator or an API may quote one.
func (p *printer) scrub(s string) string {
	if p.safe == nil {
		return redact.Strip(s)
	}
	return p.safe(s)
}

// problemLine is one problem as one line: the key, its label, the rule and the fix.
//
//	line.messaging_api.channel_secret (Channel secret): must be 32 letters or digits, got 31. Copy it again…
func problemLine(l steps.Lang, p steps.Problem) string {
	var b strings.Builder
	if p.Severity == steps.Warning {
		b.WriteString(txtWarningPrefix.In(l))
	}
	b.WriteString(p.Field)
	if label := p.Label.In(l); label != "" {
		if l == steps.JA {
			b.WriteString("（" + label + "）：")
		} else {
			b.WriteString(" (" + label + "): ")
		}
	} else {
		b.WriteString(colon(l))
	}
	b.WriteString(p.Rule.In(l))
	s := b.String()
	if fix := p.Fix.In(l); fix != "" {
		s = sentences(l, s, fix)
	}
	return steps.Clean(s)
}

// progress turns runner events into log lines: only Progress events print, and for each
// check at most one line every progressEvery.
type progress struct {
	p    *printer
	lang steps.Lang
	now  func() time.Time
	mu   sync.Mutex
	last map[string]time.Time
}

func newProgress(p *printer, l steps.Lang, now func() time.Time) *progress {
	return &progress{p: p, lang: l, now: now, last: map[string]time.Time{}}
}

func (g *progress) emit(ev verify.Event) {
	if ev.Kind != verify.Progress || ev.Message.IsZero() {
		return
	}
	g.mu.Lock()
	t := g.now()
	last, seen := g.last[ev.ID]
	if seen && t.Sub(last) < progressEvery {
		g.mu.Unlock()
		return
	}
	g.last[ev.ID] = t
	g.mu.Unlock()
	g.p.line(steps.Clean(ev.ID + colon(g.lang) + ev.Message.In(g.lang)))
}

// checkIDs lists the check ids of the flow's steps once each, in step order.
func checkIDs(fl *steps.Flow) []string {
	var ids []string
	seen := map[string]bool{}
	for _, st := range fl.Steps {
		for _, id := range st.Checks {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// errInputEnded is what a reader returns when its stream is over.
var errInputEnded = io.EOF

// errSilent is what a reader returns when a piped stream delivered no answer within its
// silence limit (a CI step whose stdin never closes).
var errSilent = errors.New("no answer arrived on the input")

// Input is the one reader of answers for a whole run: every question (the command's
// choosers, the resume question, each step) reads from it, so answers piped all at once
// are read exactly as answers typed one by one. Reading a stream with two readers would
// lose what the first had buffered.
type Input struct {
	lr *lineReader
}

// NewInput reads answers from r, one per line. When r is not a terminal and silence is
// more than 0, a question that gets no line within silence fails (see SilenceError).
func NewInput(r io.Reader, silence time.Duration) *Input {
	lr := newLineReader(r)
	if _, term := terminalFd(r); !term {
		lr.silence = silence
	}
	return &Input{lr: lr}
}

// SilenceError says the piped input stayed silent at a question; Missing lists the config
// keys still without a valid value.
type SilenceError struct {
	After   time.Duration
	What    string
	Missing []string
	Lang    steps.Lang
}

func (e *SilenceError) Error() string { return txtSilent(e.Lang, e.After, e.What, e.Missing) }

// lineReader reads one answer per line. (huh's accessible mode is not used for this: it
// starts a new bufio.Scanner for every prompt, so piped answers read ahead by one are lost
// to the next; it takes the end of input as "keep the default"; and it asks secrets only
// from a terminal's descriptor.) A read runs in its own goroutine only while it is
// asked for, so ctrl+c (a cancelled context) is noticed while waiting, and nothing is read
// ahead that a password prompt on the same terminal would then miss.
type lineReader struct {
	r       *bufio.Reader
	pending chan lineResult
	// silence is how long a read waits for a line before it gives up with errSilent;
	// 0 waits for ever (a terminal, where a person takes their time).
	silence time.Duration
}

type lineResult struct {
	line string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	if r == nil {
		r = strings.NewReader("")
	}
	return &lineReader{r: bufio.NewReader(r)}
}

func (l *lineReader) readLine(ctx context.Context) (string, error) {
	if l.pending == nil {
		ch := make(chan lineResult, 1)
		l.pending = ch
		go func() {
			s, err := l.r.ReadString('\n')
			ch <- lineResult{s, err}
		}()
	}
	var silent <-chan time.Time
	if l.silence > 0 {
		t := time.NewTimer(l.silence)
		defer t.Stop()
		silent = t.C
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case <-silent:
		return "", errSilent // the read stays pending: a late line is not lost
	case res := <-l.pending:
		l.pending = nil
		line := strings.TrimRight(res.line, "\r\n")
		if res.err != nil {
			if errors.Is(res.err, io.EOF) && line != "" {
				return line, nil
			}
			if errors.Is(res.err, io.EOF) {
				return "", errInputEnded
			}
			return "", res.err
		}
		return line, nil
	}
}

// fder is a stream backed by a file descriptor (os.File).
type fder interface{ Fd() uintptr }

// terminalFd reports the descriptor of r when it is a terminal.
func terminalFd(r any) (uintptr, bool) {
	f, ok := r.(fder)
	if !ok {
		return 0, false
	}
	fd := f.Fd()
	return fd, term.IsTerminal(fd)
}

// readPassword reads a line from the terminal fd without echo, giving up when ctx ends.
func readPassword(ctx context.Context, fd uintptr) (string, error) {
	ch := make(chan lineResult, 1)
	go func() {
		b, err := term.ReadPassword(fd)
		ch <- lineResult{string(b), err}
	}()
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case res := <-ch:
		if res.err != nil {
			if errors.Is(res.err, io.EOF) {
				return "", errInputEnded
			}
			return "", res.err
		}
		return strings.TrimRight(res.line, "\r\n"), nil
	}
}

package verify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
)

// DefaultTimeout is how long one check may take when neither the suite nor the check says.
const DefaultTimeout = 10 * time.Second

// Suite runs a set of declared checks. The zero value of every field but Checks is usable.
// One Suite lives as long as the program: it remembers the results of Once checks.
type Suite struct {
	Checks []Check
	// Env is the template every check's Env is copied from; Answers are replaced by the
	// answers given to Run.
	Env Env
	// Timeout is the per-check limit (--timeout); 0 means DefaultTimeout.
	Timeout time.Duration
	// Redact masks the run's secrets in every result's message and detail before any
	// result leaves the runner; the secrets of the answers of every Run are added to it.
	// nil means a Set of the Suite's own.
	Redact *redact.Set

	mu   sync.Mutex
	once map[string]*onceEntry
}

// onceEntry is the shared outcome of a Once check for one set of inputs; done is closed
// when result is final.
type onceEntry struct {
	done   chan struct{}
	result Result
	kept   bool
}

// RunAll runs every check that applies to a.
func (s *Suite) RunAll(ctx context.Context, a steps.Answers, emit func(Event)) []Result {
	var ids []string
	for _, c := range s.Checks {
		if applies(c, a) {
			ids = append(ids, c.ID)
		}
	}
	return s.Run(ctx, ids, a, emit)
}

// Run runs the checks named by ids and every check they need (a need that does not apply
// to a counts as met and is not run), each as soon as its needs are finished, and returns
// their results in the order the checks are declared. Checks that do not apply are left
// out. Events go to emit (which may be nil) one at a time, from the runner's goroutines.
// When ctx is cancelled, every unfinished check ends at once with status error.
func (s *Suite) Run(ctx context.Context, ids []string, a steps.Answers, emit func(Event)) []Result {
	if a == nil {
		a = steps.Answers{}
	}
	set := s.redactor()
	rememberSecrets(set, a)
	send := safeEmit(set, serialEmit(emit))

	index := make(map[string]int, len(s.Checks))
	for i, c := range s.Checks {
		if _, dup := index[c.ID]; !dup {
			index[c.ID] = i
		}
	}

	// Close the wanted ids over Needs.
	want := map[string]bool{}
	var unknown []string
	var visit func(id string, top bool)
	visit = func(id string, top bool) {
		if want[id] {
			return
		}
		i, ok := index[id]
		if !ok {
			if top {
				unknown = append(unknown, id)
			}
			return
		}
		if !applies(s.Checks[i], a) {
			return
		}
		want[id] = true
		for _, n := range s.Checks[i].Needs {
			visit(n, false)
		}
	}
	for _, id := range ids {
		visit(id, true)
	}

	done := map[string]Result{}
	var learnt []map[string]string // in the order checks finished
	pending := map[string]bool{}
	for id := range want {
		pending[id] = true
	}
	type finished struct{ r Result }
	results := make(chan finished)
	running := 0

	finish := func(r Result) {
		// One rule for every provider and status, here where every result passes: a
		// result carries the step of its check, the step to revisit if it goes wrong
		// (unless it names another), in --json too.
		if i, ok := index[r.ID]; ok && r.Step == "" {
			r.Step = s.Checks[i].Step
		}
		r = safeResult(set, checkLearnt(r))
		done[r.ID] = r
		delete(pending, r.ID)
		if len(r.Learnt) > 0 {
			learnt = append(learnt, r.Learnt)
		}
		send(Event{ID: r.ID, Kind: Finished, Result: r})
	}

	for {
		// Start (or settle) every pending check whose needs are finished; settling one
		// may free others, so go round until nothing changes. Declared order keeps the
		// start order stable.
		for changed := true; changed; {
			changed = false
			for _, c := range s.Checks {
				if !pending[c.ID] {
					continue
				}
				ready, blocked := true, ""
				for _, n := range c.Needs {
					if _, declared := index[n]; !declared {
						blocked = n
						break
					}
					if !want[n] {
						continue // does not apply: met
					}
					r, ok := done[n]
					if !ok {
						ready = false
						break
					}
					if r.Status != Pass && r.Status != Warn && blocked == "" {
						blocked = n
					}
				}
				if !ready {
					continue
				}
				changed = true
				switch {
				case ctx.Err() != nil:
					finish(cancelledResult(c, nil))
				case blocked != "":
					if _, declared := index[blocked]; !declared {
						finish(Result{ID: c.ID, Status: Error,
							Message: steps.T("This check could not run: it needs a check that does not exist. Please tell support.",
								"このチェックは実行できませんでした。存在しないチェックを必要としています。サポートにお知らせください。"),
							Detail: fmt.Sprintf("%s needs undeclared check %q", c.ID, blocked)})
					} else {
						finish(skippedResult(c, blocked, done[blocked].Status))
					}
				default:
					env := s.Env
					env.Answers = a.Clone()
					for _, l := range learnt {
						for k, v := range l {
							env.Answers[k] = v
						}
					}
					delete(pending, c.ID)
					running++
					send(Event{ID: c.ID, Kind: Started})
					go func(c Check, env Env) {
						results <- finished{s.runOne(ctx, c, env, send)}
					}(c, env)
				}
			}
		}
		if running == 0 {
			break
		}
		f := <-results
		running--
		finish(f.r)
	}

	// Whatever is left waits on a loop of needs.
	for _, c := range s.Checks {
		if pending[c.ID] {
			finish(Result{ID: c.ID, Status: Error,
				Message: steps.T("This check could not run: its needs form a loop. Please tell support.",
					"このチェックは実行できませんでした。必要なチェックが循環しています。サポートにお知らせください。"),
				Detail: fmt.Sprintf("%s: needs %s form a cycle", c.ID, strings.Join(c.Needs, ", "))})
		}
	}

	out := make([]Result, 0, len(done)+len(unknown))
	seen := map[string]bool{}
	for _, c := range s.Checks {
		if r, ok := done[c.ID]; ok && !seen[c.ID] {
			seen[c.ID] = true
			out = append(out, r)
		}
	}
	for _, id := range unknown {
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, safeResult(set, Result{ID: id, Status: Error,
			Message: steps.T("There is no check with this name. Please tell support.",
				"この名前のチェックはありません。サポートにお知らせください。"),
			Detail: fmt.Sprintf("unknown check id %q", id)}))
	}
	return out
}

// runOne runs one check with its timeout, its attempt counter and its progress wired to
// events, and turns a panic, a timeout or a cancellation into an error result.
func (s *Suite) runOne(ctx context.Context, c Check, env Env, send func(Event)) Result {
	if c.Once {
		return s.runOnce(ctx, c, env, send)
	}
	return s.execute(ctx, c, env, send)
}

func (s *Suite) execute(ctx context.Context, c Check, env Env, send func(Event)) Result {
	now := env.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	timeout := c.Timeout
	if c.TimeoutWhen != nil && !c.TimeoutWhen(env.Answers) {
		timeout = 0
	}
	if timeout <= 0 {
		timeout = s.Timeout
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cctx, attempts := CountAttempts(cctx)

	outer := env.Progress
	env.Progress = func(_ string, msg steps.Text) {
		send(Event{ID: c.ID, Kind: Progress, Message: msg})
		if outer != nil {
			outer(c.ID, msg)
		}
	}

	ch := make(chan Result, 1) // buffered: a check that ignores ctx must not leak blocked
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- panicResult(c, p)
			}
		}()
		ch <- c.Run(cctx, &env)
	}()

	var r Result
	got := false
	select {
	case r = <-ch:
		got = true
	case <-cctx.Done():
	}
	if cctx.Err() != nil && (!got || r.Status == Error || r.Status == "") {
		var prev *Result
		if got {
			prev = &r
		}
		if ctx.Err() != nil {
			r = cancelledResult(c, prev)
		} else {
			r = timeoutResult(c, timeout, prev)
		}
	}
	r.ID = c.ID
	if r.Status == "" {
		r.Status = Error
		r.Detail = strings.TrimSpace(r.Detail + " (check returned no status)")
	}

	if n := attempts(); n > 0 {
		r.Attempts = n
	}
	r.Duration = now().Sub(start)
	return r
}

// runOnce returns the kept result of an earlier run with the same inputs, or runs the
// check and keeps its result. Only a pass or a warning is kept: a result that could not
// tell (error) may never have reached the API, and a failure may be fixed outside the
// answers (the CMS given the right channel secret), so the operator must be able to try
// again.
func (s *Suite) runOnce(ctx context.Context, c Check, env Env, send func(Event)) Result {
	key := onceKey(c.ID, env)
	for {
		s.mu.Lock()
		if s.once == nil {
			s.once = map[string]*onceEntry{}
		}
		e, ok := s.once[key]
		if !ok {
			e = &onceEntry{done: make(chan struct{})}
			s.once[key] = e
			s.mu.Unlock()
			r := s.execute(ctx, c, env, send)
			s.mu.Lock()
			e.result, e.kept = r, r.Status == Pass || r.Status == Warn
			if !e.kept {
				delete(s.once, key)
			}
			close(e.done)
			s.mu.Unlock()
			return r
		}
		s.mu.Unlock()
		select {
		case <-e.done:
			if e.kept {
				return e.result
			}
			// The other run could not tell; try again ourselves.
		case <-ctx.Done():
			return cancelledResult(c, nil)
		}
	}
}

// onceKey hashes what a check can see: the answers (without the flow's confirmations,
// which change as the operator walks on but are no input to any API), the webhook
// consent and the API roots.
func onceKey(id string, env Env) string {
	keys := make([]string, 0, len(env.Answers))
	for k := range env.Answers {
		if !strings.HasPrefix(k, "flow.done.") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%q=%q\n", k, env.Answers[k])
	}
	fmt.Fprintf(h, "webhook=%t\n%+v\n", env.SetWebhook, env.URLs)
	return id + "\x00" + hex.EncodeToString(h.Sum(nil))
}

func applies(c Check, a steps.Answers) bool { return c.Applies == nil || c.Applies(a) }

// serialEmit makes emit safe to call from several goroutines and nil-safe.
func serialEmit(emit func(Event)) func(Event) {
	if emit == nil {
		return func(Event) {}
	}
	var mu sync.Mutex
	return func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		emit(e)
	}
}

func skippedResult(c Check, need string, st Status) Result {
	return Result{ID: c.ID, Status: Skipped,
		Message: steps.T(
			fmt.Sprintf("Not checked, because %s did not pass. Fix that one first, then check again.", need),
			fmt.Sprintf("%sが通らなかったため、確認していません。先にそちらを直してから、もう一度確認してください。", need)),
		Detail: fmt.Sprintf("needs %s, which ended %s", need, st)}
}

func cancelledResult(c Check, prev *Result) Result {
	r := Result{ID: c.ID, Status: Error,
		Message: steps.T("Not finished: the check was cancelled. Run it again when you are ready.",
			"確認が中断されたため、終わっていません。準備ができたら、もう一度実行してください。"),
		Detail: "cancelled"}
	if prev != nil && prev.Detail != "" {
		r.Detail += "; " + prev.Detail
	}
	return r
}

func timeoutResult(c Check, d time.Duration, prev *Result) Result {
	r := Result{ID: c.ID, Status: Error,
		Message: steps.T(
			fmt.Sprintf("No answer within %s, so it is not known whether this is right. Check the internet connection and try again in a moment.", d),
			fmt.Sprintf("%s以内に応答がなかったため、正しいかどうか分かりませんでした。インターネット接続を確かめて、少し待ってからもう一度お試しください。", d)),
		Detail: fmt.Sprintf("timed out after %s", d)}
	if prev != nil && prev.Detail != "" {
		r.Detail += "; " + prev.Detail
	}
	return r
}

// panicResult reports a check that panicked; safeResult masks its detail like any other.
func panicResult(c Check, p any) Result {
	detail := fmt.Sprintf("check %s panicked: %v", c.ID, p)
	return Result{ID: c.ID, Status: Error,
		Message: steps.T("This check stopped on an internal error, so nothing is known yet. Please send the detail below to support.",
			"内部エラーでこのチェックが止まったため、結果が分かりません。下の詳細をサポートにお送りください。"),
		Detail: detail}
}

// redactor is the Set that masks this Suite's results.
func (s *Suite) redactor() *redact.Set {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Redact == nil {
		s.Redact = redact.New()
	}
	return s.Redact
}

// rememberSecrets adds the secret values among a to set.
func rememberSecrets(set *redact.Set, a steps.Answers) {
	for _, k := range config.SecretKeys() {
		if v := a.Get(k); v != "" {
			set.Add(v)
		}
	}
}

// safeResult is r with its message and detail stripped and every secret masked: what an
// API echoed (a token in an error body) never reaches a report, the config file or a screen.
func safeResult(set *redact.Set, r Result) Result {
	r.ID = set.Line(r.ID)
	r.Step = set.Line(r.Step)
	r.Message = steps.T(set.Line(r.Message.EN), set.Line(r.Message.JA))
	r.Detail = set.Line(r.Detail)
	return r
}

// safeEmit masks the results and progress messages of events before emit sees them.
func safeEmit(set *redact.Set, emit func(Event)) func(Event) {
	return func(e Event) {
		e.Result = safeResult(set, e.Result)
		e.Message = steps.T(set.Line(e.Message.EN), set.Line(e.Message.JA))
		emit(e)
	}
}

package verify

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
)

func pass(id string) Result { return Result{ID: id, Status: Pass, Message: steps.T("ok", "OK")} }

// eventLog records events in the order the runner sends them.
type eventLog struct {
	mu     sync.Mutex
	events []Event
}

func (l *eventLog) emit(e Event) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, e)
}

func (l *eventLog) index(id string, k EventKind) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, e := range l.events {
		if e.ID == id && e.Kind == k {
			return i
		}
	}
	return -1
}

func byID(rs []Result) map[string]Result {
	m := map[string]Result{}
	for _, r := range rs {
		m[r.ID] = r
	}
	return m
}

func ids(rs []Result) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.ID)
	}
	return strings.Join(s, ",")
}

func TestIndependentChecksOverlap(t *testing.T) {
	const n = 4
	var active, peak atomic.Int32
	var started atomic.Int32
	all := make(chan struct{})
	run := func(ctx context.Context, env *Env) Result {
		a := active.Add(1)
		defer active.Add(-1)
		for {
			p := peak.Load()
			if a <= p || peak.CompareAndSwap(p, a) {
				break
			}
		}
		if started.Add(1) == n {
			close(all)
		}
		// Each waits for all the others to have started: only possible if they overlap.
		select {
		case <-all:
			return Result{Status: Pass}
		case <-ctx.Done():
			return Result{Status: Error, Detail: "others never started"}
		}
	}
	s := &Suite{}
	for _, id := range []string{"a", "b", "c", "d"} {
		s.Checks = append(s.Checks, Check{ID: id, Run: run})
	}
	rs := s.RunAll(context.Background(), nil, nil)
	for _, r := range rs {
		if r.Status != Pass {
			t.Fatalf("%s: %s %s", r.ID, r.Status, r.Detail)
		}
	}
	if peak.Load() != n {
		t.Fatalf("peak concurrency %d, want %d", peak.Load(), n)
	}
}

func TestNeedsOrderAndLearntValues(t *testing.T) {
	var log eventLog
	s := &Suite{Checks: []Check{
		{ID: "secret", Needs: []string{"token"}, Run: func(ctx context.Context, env *Env) Result {
			if env.Answers.Get("channel_id") != "1234567890" {
				return Result{Status: Fail, Detail: "channel id not learnt: " + env.Answers.Get("channel_id")}
			}
			if env.Answers.Get("given") != "yes" {
				return Result{Status: Fail, Detail: "answers lost"}
			}
			return Result{Status: Pass}
		}},
		{ID: "token", Run: func(ctx context.Context, env *Env) Result {
			return Result{Status: Pass, Learnt: map[string]string{"channel_id": "1234567890"}}
		}},
		{ID: "other", Run: func(ctx context.Context, env *Env) Result { return pass("") }},
	}}
	a := steps.Answers{"given": "yes"}
	rs := s.Run(context.Background(), []string{"secret"}, a, log.emit)
	if got := ids(rs); got != "secret,token" {
		t.Fatalf("results %q, want the asked check and its need in declared order", got)
	}
	if r := rs[0]; r.Status != Pass {
		t.Fatalf("secret: %s %s", r.Status, r.Detail)
	}
	if log.index("token", Finished) > log.index("secret", Started) {
		t.Fatalf("secret started before token finished: %+v", log.events)
	}
	if _, ok := a["channel_id"]; ok {
		t.Fatal("the caller's answers were changed")
	}
	if log.index("other", Started) >= 0 {
		t.Fatal("a check nobody asked for ran")
	}
}

func TestFailedNeedSkipsDependents(t *testing.T) {
	ran := map[string]bool{}
	var mu sync.Mutex
	mark := func(id string) { mu.Lock(); ran[id] = true; mu.Unlock() }
	s := &Suite{Checks: []Check{
		{ID: "line.token", Step: "line.collect", Run: func(ctx context.Context, env *Env) Result {
			return Result{Status: Fail, Message: steps.T("bad token", "トークンが違います")}
		}},
		{ID: "line.secret", Step: "line.collect", Needs: []string{"line.token"}, Run: func(ctx context.Context, env *Env) Result { mark("line.secret"); return pass("") }},
		{ID: "after", Needs: []string{"line.secret"}, Run: func(ctx context.Context, env *Env) Result { mark("after"); return pass("") }},
		{ID: "erring", Run: func(ctx context.Context, env *Env) Result { return Result{Status: Error} }},
		{ID: "on.error", Needs: []string{"erring"}, Run: func(ctx context.Context, env *Env) Result { mark("on.error"); return pass("") }},
		{ID: "warned", Run: func(ctx context.Context, env *Env) Result { return Result{Status: Warn} }},
		{ID: "on.warn", Step: "s.warn", Needs: []string{"warned"}, Run: func(ctx context.Context, env *Env) Result { mark("on.warn"); return pass("") }},
	}}
	rs := byID(s.RunAll(context.Background(), nil, nil))
	if rs["line.token"].Step != "line.collect" {
		t.Errorf("failed check did not get its declared step: %q", rs["line.token"].Step)
	}
	// Every result carries its check's step, a pass and a skip too (h-test2: LINE's
	// passes gave "step": "" in --json, NAVER's their step).
	for _, c := range s.Checks {
		if c.Step != "" && rs[c.ID].Step != c.Step {
			t.Errorf("%s (%s): step %q, want %q", c.ID, rs[c.ID].Status, rs[c.ID].Step, c.Step)
		}
	}
	for id, need := range map[string]string{"line.secret": "line.token", "after": "line.secret", "on.error": "erring"} {
		r := rs[id]
		if r.Status != Skipped {
			t.Errorf("%s: %s, want skipped", id, r.Status)
		}
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			if !strings.Contains(r.Message.In(l), need) {
				t.Errorf("%s: message %q does not name the need %s", id, r.Message.In(l), need)
			}
		}
		if ran[id] {
			t.Errorf("%s ran although its need did not pass", id)
		}
	}
	if rs["on.warn"].Status != Pass || !ran["on.warn"] {
		t.Errorf("a need that warned must count as met: %+v", rs["on.warn"])
	}
}

func TestNeedThatDoesNotApplyIsMet(t *testing.T) {
	s := &Suite{Checks: []Check{
		{ID: "line.webhook.set", Applies: func(a steps.Answers) bool { return a.Bool("flow.line.set_webhook") },
			Run: func(ctx context.Context, env *Env) Result { t.Error("set ran without consent"); return pass("") }},
		{ID: "line.webhook.active", Needs: []string{"line.webhook.set"}, Run: func(ctx context.Context, env *Env) Result { return pass("") }},
		{ID: "naver.urls", Applies: func(a steps.Answers) bool { return a.Get("naver.client_id") != "" },
			Run: func(ctx context.Context, env *Env) Result { return pass("") }},
	}}
	rs := s.Run(context.Background(), []string{"line.webhook.active", "naver.urls"}, steps.Answers{"flow.line.set_webhook": "false"}, nil)
	if got := ids(rs); got != "line.webhook.active" {
		t.Fatalf("results %q: checks that do not apply must be left out", got)
	}
	if rs[0].Status != Pass {
		t.Fatalf("%+v", rs[0])
	}
}

func TestUnknownIDsAndLoops(t *testing.T) {
	s := &Suite{Checks: []Check{
		{ID: "x", Needs: []string{"y"}, Run: func(ctx context.Context, env *Env) Result { return pass("") }},
		{ID: "y", Needs: []string{"x"}, Run: func(ctx context.Context, env *Env) Result { return pass("") }},
		{ID: "z", Needs: []string{"nowhere"}, Run: func(ctx context.Context, env *Env) Result { return pass("") }},
	}}
	rs := byID(s.Run(context.Background(), []string{"x", "z", "typo"}, nil, nil))
	for _, id := range []string{"x", "y", "z", "typo"} {
		if rs[id].Status != Error {
			t.Errorf("%s: %s, want error", id, rs[id].Status)
		}
	}
}

func TestTimeoutPerCheck(t *testing.T) {
	s := &Suite{Timeout: time.Hour, Checks: []Check{
		{ID: "slow", Timeout: 5 * time.Millisecond, Run: func(ctx context.Context, env *Env) Result {
			<-ctx.Done()
			return Result{Status: Error, Detail: "context done"}
		}},
		{ID: "stuck", Timeout: 5 * time.Millisecond, Run: func(ctx context.Context, env *Env) Result {
			select {} // ignores its context entirely
		}},
		{ID: "fine", Run: func(ctx context.Context, env *Env) Result { return pass("") }},
	}}
	rs := byID(s.RunAll(context.Background(), nil, nil))
	for _, id := range []string{"slow", "stuck"} {
		r := rs[id]
		if r.Status != Error || !strings.Contains(r.Detail, "timed out") {
			t.Errorf("%s: %s %q, want error timed out", id, r.Status, r.Detail)
		}
		if !strings.Contains(r.Message.In(steps.EN), "No answer within 5ms") {
			t.Errorf("%s: message %q", id, r.Message.In(steps.EN))
		}
	}
	if rs["fine"].Status != Pass {
		t.Errorf("fine: %s", rs["fine"].Status)
	}
}

func TestCancellationEndsEverythingInFlight(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started sync.WaitGroup
	started.Add(2)
	never := make(chan struct{})
	defer close(never)
	s := &Suite{Checks: []Check{
		{ID: "polite", Run: func(ctx context.Context, env *Env) Result {
			started.Done()
			<-ctx.Done()
			return Result{Status: Error, Detail: ctx.Err().Error()}
		}},
		{ID: "rude", Run: func(ctx context.Context, env *Env) Result {
			started.Done()
			<-never // ignores ctx: the runner must not wait for it
			return pass("")
		}},
		{ID: "waiting", Needs: []string{"polite"}, Run: func(ctx context.Context, env *Env) Result {
			t.Error("a check ran after cancellation")
			return pass("")
		}},
	}}
	go func() { started.Wait(); cancel() }()
	rs := s.RunAll(ctx, nil, nil)
	if len(rs) != 3 {
		t.Fatalf("got %d results", len(rs))
	}
	for _, r := range rs {
		if r.Status != Error || !strings.Contains(r.Message.In(steps.EN), "cancelled") {
			t.Errorf("%s: %s %q, want error cancelled", r.ID, r.Status, r.Message.In(steps.EN))
		}
	}
}

func TestAlreadyCancelledRunsNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := &Suite{Checks: []Check{{ID: "a", Run: func(ctx context.Context, env *Env) Result { t.Error("ran"); return pass("") }}}}
	rs := s.RunAll(ctx, nil, nil)
	if len(rs) != 1 || rs[0].Status != Error {
		t.Fatalf("%+v", rs)
	}
}

func TestOnceReusesResult(t *testing.T) {
	var calls atomic.Int32
	s := &Suite{Checks: []Check{{ID: "line.webhook.test", Once: true, Run: func(ctx context.Context, env *Env) Result {
		n := calls.Add(1)
		switch env.Answers.Get("url") {
		case "down":
			return Result{Status: Error, Detail: "unreachable"}
		case "https://cms.example.com/refuses":
			return Result{Status: Fail, Detail: "CMS answered 401"}
		}
		return Result{Status: Pass, Detail: "call " + string(rune('0'+n))}
	}}}}
	a := steps.Answers{"url": "https://cms.example.com/hook", "flow.done.line.webhook": "false"}
	first := s.RunAll(context.Background(), a, nil)
	a["flow.done.line.webhook"] = "true" // walking on changes no input of the check
	second := s.RunAll(context.Background(), a, nil)
	if calls.Load() != 1 {
		t.Fatalf("check ran %d times for the same inputs", calls.Load())
	}
	if second[0].Detail != first[0].Detail || second[0].Status != Pass {
		t.Fatalf("second run got %+v, want the first result %+v", second[0], first[0])
	}
	a["url"] = "https://cms.example.com/other"
	s.RunAll(context.Background(), a, nil)
	if calls.Load() != 2 {
		t.Fatalf("changed inputs must run again: %d calls", calls.Load())
	}
	// A result that could not tell is not kept.
	a["url"] = "down"
	s.RunAll(context.Background(), a, nil)
	s.RunAll(context.Background(), a, nil)
	if calls.Load() != 4 {
		t.Fatalf("error results must not be kept: %d calls", calls.Load())
	}
	// Nor is a failure: the operator may fix it outside the answers (the CMS's secret)
	// and check again.
	a["url"] = "https://cms.example.com/refuses"
	s.RunAll(context.Background(), a, nil)
	s.RunAll(context.Background(), a, nil)
	if calls.Load() != 6 {
		t.Fatalf("failed results must not be kept: %d calls", calls.Load())
	}
}

func TestOnceSharedBetweenConcurrentRuns(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	s := &Suite{Checks: []Check{{ID: "once", Once: true, Run: func(ctx context.Context, env *Env) Result {
		calls.Add(1)
		<-release
		return pass("")
	}}}}
	var wg sync.WaitGroup
	started := make(chan struct{}, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.RunAll(context.Background(), nil, func(e Event) {
				if e.Kind == Started {
					started <- struct{}{}
				}
			})
		}()
	}
	<-started
	<-started
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Fatalf("%d calls", calls.Load())
	}
}

func TestPanicBecomesError(t *testing.T) {
	s := &Suite{Checks: []Check{
		{ID: "line.bot", Run: func(ctx context.Context, env *Env) Result {
			panic("nil map while reading " + env.Answers.Get("line.messaging_api.channel_secret"))
		}},
		{ID: "after", Needs: []string{"line.bot"}, Run: func(ctx context.Context, env *Env) Result { return pass("") }},
	}}
	const secret = "0123456789abcdef0123456789abcdef"
	rs := byID(s.RunAll(context.Background(), steps.Answers{"line.messaging_api.channel_secret": secret}, nil))
	r := rs["line.bot"]
	if r.Status != Error || !strings.Contains(r.Detail, "line.bot") {
		t.Fatalf("%+v", r)
	}
	if strings.Contains(r.Detail, secret) {
		t.Fatal("panic detail shows a secret")
	}
	if rs["after"].Status != Skipped {
		t.Fatalf("after: %s", rs["after"].Status)
	}
}

func TestEventsAndProgress(t *testing.T) {
	var log eventLog
	var outer []string
	s := &Suite{
		Env: Env{Progress: func(id string, msg steps.Text) { outer = append(outer, id+":"+msg.EN) }},
		Checks: []Check{{ID: "line.webhook.active", Run: func(ctx context.Context, env *Env) Result {
			env.Progress("", steps.T("waiting 50s", "あと50秒"))
			return pass("")
		}}},
	}
	s.RunAll(context.Background(), nil, log.emit)
	kinds := []EventKind{}
	for _, e := range log.events {
		kinds = append(kinds, e.Kind)
		if e.Kind == Progress && (e.ID != "line.webhook.active" || e.Message.JA != "あと50秒") {
			t.Errorf("progress event %+v", e)
		}
		if e.Kind == Finished && e.Result.Status != Pass {
			t.Errorf("finished event %+v", e)
		}
	}
	if len(kinds) != 3 || kinds[0] != Started || kinds[1] != Progress || kinds[2] != Finished {
		t.Fatalf("events %v", kinds)
	}
	if len(outer) != 1 || outer[0] != "line.webhook.active:waiting 50s" {
		t.Fatalf("Env.Progress not called through: %v", outer)
	}
}

func TestDurationFromClock(t *testing.T) {
	var mu sync.Mutex
	clock := time.Unix(0, 0)
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(1500 * time.Millisecond)
		return clock
	}
	s := &Suite{Env: Env{Now: now}, Checks: []Check{{ID: "a", Run: func(ctx context.Context, env *Env) Result { return pass("") }}}}
	rs := s.RunAll(context.Background(), nil, nil)
	if rs[0].Duration != 1500*time.Millisecond {
		t.Fatalf("duration %s", rs[0].Duration)
	}
}

func TestAttemptsCountedPerCheck(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/flaky" && hits.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	client := NewHTTPClient(HTTPOptions{Version: "test", Backoff: func(int) time.Duration { return 0 }, Sleep: noSleep})
	get := func(path string) func(ctx context.Context, env *Env) Result {
		return func(ctx context.Context, env *Env) Result {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, env.URLs.LineAPI+path, nil)
			resp, err := env.HTTP.Do(req)
			if err != nil {
				return Result{Status: Error, Detail: err.Error()}
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				return Result{Status: Error}
			}
			return pass("")
		}
	}
	s := &Suite{Env: Env{HTTP: client, URLs: BaseURLs{LineAPI: srv.URL}}, Checks: []Check{
		{ID: "flaky", Run: get("/flaky")},
		{ID: "steady", Run: get("/steady")},
	}}
	rs := byID(s.RunAll(context.Background(), nil, nil))
	if rs["flaky"].Status != Pass || rs["flaky"].Attempts != 3 {
		t.Errorf("flaky: %s after %d attempts, want pass after 3", rs["flaky"].Status, rs["flaky"].Attempts)
	}
	if rs["steady"].Attempts != 1 {
		t.Errorf("steady: %d attempts", rs["steady"].Attempts)
	}
}

func noSleep(ctx context.Context, d time.Duration) error { return ctx.Err() }

// A check's own longer Timeout holds only when its TimeoutWhen says so; otherwise the
// run's --timeout does (line.webhook.active made 3 attempts of 5 s under verify
// --timeout 2s, its 75 s being for LINE's cache after a write verify never makes).
func TestTimeoutWhen(t *testing.T) {
	for _, long := range []bool{false, true} {
		var left time.Duration
		s := &Suite{Timeout: time.Minute, Checks: []Check{{ID: "c", Timeout: time.Hour,
			TimeoutWhen: func(a steps.Answers) bool { return a.Get("flow.long") == "true" },
			Run: func(ctx context.Context, env *Env) Result {
				d, _ := ctx.Deadline()
				left = time.Until(d)
				return Result{Status: Pass}
			}}}}
		a := steps.Answers{}
		if long {
			a["flow.long"] = "true"
		}
		s.RunAll(context.Background(), a, nil)
		if got := left > time.Minute; got != long {
			t.Errorf("long=%v: the check had %v", long, left)
		}
	}
}

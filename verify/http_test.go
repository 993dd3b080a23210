package verify

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/redact"
)

// sleeps records the waits the retry transport asked for, without waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

func fixedBackoff(attempt int) time.Duration { return time.Duration(attempt) * 100 * time.Millisecond }

// statusServer answers each request with the next status of seq (the last repeats)
// and records what it got.
type statusServer struct {
	*httptest.Server
	hits   atomic.Int32
	mu     sync.Mutex
	bodies []string
	agents []string
}

func newStatusServer(t *testing.T, header http.Header, seq ...int) *statusServer {
	s := &statusServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.hits.Add(1))
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, string(b))
		s.agents = append(s.agents, r.Header.Get("User-Agent"))
		s.mu.Unlock()
		st := seq[min(n, len(seq))-1]
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(st)
		io.WriteString(w, `{"message":"status"}`)
	}))
	t.Cleanup(s.Close)
	return s
}

func get(t *testing.T, c *http.Client, ctx context.Context, u string) (*http.Response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if resp != nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return resp, err
}

func TestRetries(t *testing.T) {
	for _, tc := range []struct {
		name     string
		seq      []int
		attempts int
		final    int
	}{
		{"429 three times", []int{429}, 3, 429},
		{"500 three times", []int{500}, 3, 500},
		{"503 three times", []int{503}, 3, 503},
		{"502 then ok", []int{502, 200}, 2, 200},
		{"400 never retried", []int{400, 200}, 1, 400},
		{"401 never retried", []int{401, 200}, 1, 401},
		{"404 never retried", []int{404, 200}, 1, 404},
		{"200 once", []int{200}, 1, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newStatusServer(t, nil, tc.seq...)
			var sl sleeps
			c := NewHTTPClient(HTTPOptions{Version: "1.2.3", Backoff: fixedBackoff, Sleep: sl.sleep})
			ctx, count := CountAttempts(context.Background())
			resp, err := get(t, c, ctx, srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.final {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.final)
			}
			if got := int(srv.hits.Load()); got != tc.attempts || count() != tc.attempts {
				t.Errorf("server saw %d attempts, counter %d, want %d", got, count(), tc.attempts)
			}
			want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}[:tc.attempts-1]
			if got := sl.all(); !equalDurations(got, want) {
				t.Errorf("waits %v, want %v", got, want)
			}
			for _, ua := range srv.agents {
				if ua != "setup-wizard/1.2.3" {
					t.Errorf("User-Agent %q", ua)
				}
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRetryRewindsBody(t *testing.T) {
	srv := newStatusServer(t, nil, 500, 500, 200)
	c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: noSleep})
	form := url.Values{"client_id": {"1234567890"}, "grant_type": {"client_credentials"}}.Encode()
	resp, err := c.Post(srv.URL, "application/x-www-form-urlencoded", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || len(srv.bodies) != 3 {
		t.Fatalf("status %d after %d attempts", resp.StatusCode, len(srv.bodies))
	}
	for i, b := range srv.bodies {
		if b != form {
			t.Errorf("attempt %d sent %q, want %q", i+1, b, form)
		}
	}
}

func TestUserAgentKeepsSDKName(t *testing.T) {
	srv := newStatusServer(t, nil, 200)
	c := NewHTTPClient(HTTPOptions{Version: "0.9"})
	req, _ := http.NewRequest(http.MethodGet, srv.URL, nil)
	req.Header.Set("User-Agent", "LINE-BotSDK-Go/v8")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if srv.agents[0] != "setup-wizard/0.9 LINE-BotSDK-Go/v8" {
		t.Fatalf("User-Agent %q", srv.agents[0])
	}
}

func TestRetryAfterSecondsHonoured(t *testing.T) {
	srv := newStatusServer(t, http.Header{"Retry-After": {"7"}}, 429, 200)
	var sl sleeps
	c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: sl.sleep})
	resp, err := get(t, c, context.Background(), srv.URL)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp, err)
	}
	if got := sl.all(); !equalDurations(got, []time.Duration{7 * time.Second}) {
		t.Fatalf("waits %v, want [7s]", got)
	}
}

func TestRetryAfterDateHonoured(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	srv := newStatusServer(t, http.Header{"Retry-After": {now.Add(3 * time.Second).Format(http.TimeFormat)}}, 503, 200)
	var sl sleeps
	c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: sl.sleep, Now: func() time.Time { return now }})
	if _, err := get(t, c, context.Background(), srv.URL); err != nil {
		t.Fatal(err)
	}
	if got := sl.all(); !equalDurations(got, []time.Duration{3 * time.Second}) {
		t.Fatalf("waits %v, want [3s]", got)
	}
}

func TestRetryAfterBeyondDeadlineStops(t *testing.T) {
	srv := newStatusServer(t, http.Header{"Retry-After": {"7200"}}, 429, 200)
	var sl sleeps
	c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: sl.sleep})
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // less than 7200s
	defer cancel()
	resp, err := get(t, c, ctx, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 429 || srv.hits.Load() != 1 || len(sl.all()) != 0 {
		t.Fatalf("status %d after %d attempts and waits %v: want the 429 back at once", resp.StatusCode, srv.hits.Load(), sl.all())
	}
}

func TestBackoffNeverPastDeadline(t *testing.T) {
	srv := newStatusServer(t, nil, 500)
	var sl sleeps
	c := NewHTTPClient(HTTPOptions{Backoff: func(int) time.Duration { return 2 * time.Hour }, Sleep: sl.sleep})
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	resp, err := get(t, c, ctx, srv.URL)
	if err != nil || resp.StatusCode != 500 || srv.hits.Load() != 1 || len(sl.all()) != 0 {
		t.Fatalf("%v %v hits=%d waits=%v", resp, err, srv.hits.Load(), sl.all())
	}
}

func TestNetworkErrorsRetried(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := ln.Addr().String()
		ln.Close()
		c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: noSleep})
		ctx, count := CountAttempts(context.Background())
		_, err = get(t, c, ctx, "http://"+addr)
		if err == nil || count() != 3 {
			t.Fatalf("err %v after %d attempts, want an error after 3", err, count())
		}
	})
	t.Run("connection closed without answer", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		var accepted atomic.Int32
		go func() {
			for {
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				accepted.Add(1)
				buf := make([]byte, 1024)
				conn.Read(buf)
				conn.Close()
			}
		}()
		c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: noSleep})
		ctx, count := CountAttempts(context.Background())
		_, err = get(t, c, ctx, "http://"+ln.Addr().String())
		if err == nil || count() != 3 {
			t.Fatalf("err %v after %d attempts, want an error after 3", err, count())
		}
	})
	t.Run("hung attempt", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) == 1 {
				<-r.Context().Done() // hangs until the attempt gives up
				return
			}
			w.WriteHeader(200)
		}))
		defer srv.Close()
		c := NewHTTPClient(HTTPOptions{Timeout: 20 * time.Millisecond, Backoff: fixedBackoff, Sleep: noSleep})
		ctx, count := CountAttempts(context.Background())
		resp, err := get(t, c, ctx, srv.URL)
		if err != nil || resp.StatusCode != 200 || count() != 2 {
			t.Fatalf("%v %v after %d attempts, want 200 after 2", resp, err, count())
		}
	})
}

func TestCancelDuringWaitStops(t *testing.T) {
	srv := newStatusServer(t, nil, 503)
	ctx, cancel := context.WithCancel(context.Background())
	c := NewHTTPClient(HTTPOptions{Backoff: fixedBackoff, Sleep: func(ctx context.Context, d time.Duration) error {
		cancel()
		return ctx.Err()
	}})
	_, err := get(t, c, ctx, srv.URL)
	if !errors.Is(err, context.Canceled) || srv.hits.Load() != 1 {
		t.Fatalf("err %v after %d hits", err, srv.hits.Load())
	}
}

func TestDefaultBackoffJitter(t *testing.T) {
	for attempt, base := range map[int]time.Duration{1: 200 * time.Millisecond, 2: 400 * time.Millisecond, 3: 800 * time.Millisecond} {
		for i := 0; i < 50; i++ {
			d := DefaultBackoff(attempt)
			if d < base*8/10 || d > base*12/10 {
				t.Fatalf("attempt %d: %s outside %s ±20%%", attempt, d, base)
			}
		}
	}
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"0": 0, "3": 3 * time.Second, now.Add(-time.Minute).Format(http.TimeFormat): 0,
		now.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
	} {
		if got, ok := retryAfter(v, now); !ok || got != want {
			t.Errorf("%q: %s %v, want %s", v, got, ok, want)
		}
	}
	for _, v := range []string{"", "-1", "soon"} {
		if _, ok := retryAfter(v, now); ok {
			t.Errorf("%q accepted", v)
		}
	}
}

func TestNoRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
	}))
	defer srv.Close()
	c := NoRedirects(NewHTTPClient(HTTPOptions{}))
	resp, err := c.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "https://elsewhere.example/" {
		t.Fatalf("%d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

// The secrets of a whole LINE and NAVER setup, some with characters that are escaped in
// forms and JSON.
var traceSecrets = []string{
	"eyJhbGciOiJIUzI1NiJ9+abc/DEF=ghijklmnopqrstuvwxyz0123456789ABCDEFGH==", // channel access token
	"0123456789abcdef0123456789abcdef",                                      // channel secret
	"fedcba9876543210fedcba9876543210",                                      // login channel secret
	"NaVeRsEcReT1",                                                          // NAVER client secret
}

func TestTraceNeverShowsSecrets(t *testing.T) {
	token, secret, loginSecret, naverSecret := traceSecrets[0], traceSecrets[1], traceSecrets[2], traceSecrets[3]
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		switch r.URL.Path {
		case "/oauth2/v3/token":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"token_type":"Bearer","access_token":"issued-short-lived-token-value","expires_in":900}`)
		case "/echo":
			// An API that echoes what it got, secrets and escape sequences included.
			w.Write([]byte("got \x1b[31m" + string(b) + " auth=" + r.Header.Get("Authorization") + "\x07"))
		case "/authorize":
			http.Redirect(w, r, "https://cms.example.com/cb?code=authcode123456&state=xyz", http.StatusFound)
		case "/flaky":
			if hits.Add(1) == 1 {
				w.WriteHeader(500)
				io.WriteString(w, `{"message":"try `+secret+`"}`)
				return
			}
			io.WriteString(w, `{}`)
		default:
			io.WriteString(w, `{"id_token":"abc.def.ghi","refresh_token":"r3fr3sh","note":"`+naverSecret+`"}`)
		}
	}))
	defer srv.Close()

	var out bytes.Buffer
	c := NoRedirects(NewHTTPClient(HTTPOptions{
		Version: "1", Debug: &out, Backoff: fixedBackoff, Sleep: noSleep,
		Redact: redact.New(traceSecrets...),
	}))
	do := func(method, path, ctype, body string, hdr map[string]string) {
		t.Helper()
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, srv.URL+path, rd)
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if path == "/echo" && !strings.Contains(string(got), body) {
			t.Fatal("the trace changed the body the caller reads")
		}
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {"1234567890"}, "client_secret": {secret}}.Encode()
	do("POST", "/oauth2/v3/token", "application/x-www-form-urlencoded", form, nil)
	do("POST", "/v2/oauth/verify", "application/x-www-form-urlencoded", url.Values{"access_token": {token}}.Encode(), nil)
	do("GET", "/v2/bot/info", "", "", map[string]string{"Authorization": "Bearer " + token})
	do("POST", "/echo", "application/json", `{"client_secret":"`+loginSecret+`","token":"`+token+`"}`, map[string]string{"Authorization": "Bearer " + token})
	do("POST", "/echo", "text/plain", "raw "+naverSecret+" and "+url.QueryEscape(token), nil)
	do("GET", "/authorize?client_id=1&code_verifier=verifier-secret-value&redirect_uri=https%3A%2F%2Fcms.example.com%2Fcb", "", "", nil)
	do("GET", "/v2/oauth/revoke?client_id=x&client_secret="+url.QueryEscape(naverSecret)+"&access_token=dummy", "", "", nil)
	do("POST", "/flaky", "application/json", `{"endpoint":"https://cms.example.com/hook"}`, map[string]string{"Authorization": "Bearer " + token})

	trace := out.String()
	t.Log(trace)
	for _, s := range append(traceSecrets, "issued-short-lived-token-value", "authcode123456", "verifier-secret-value", "r3fr3sh", "abc.def.ghi", url.QueryEscape(token), token[:20]) {
		if strings.Contains(trace, s) {
			t.Errorf("trace shows %q", s)
		}
	}
	if strings.ContainsAny(trace, "\x1b\x07") {
		t.Error("trace carries control characters from an API answer")
	}
	lines := strings.Split(strings.TrimSpace(trace), "\n")
	if len(lines) != 9 {
		t.Errorf("%d trace lines, want one per attempt (9)", len(lines))
	}
	for _, want := range []string{"POST " + srv.URL + "/oauth2/v3/token -> 200", "attempt 2", "-> 500", "location=", "client_id=1234567890", "[redacted]"} {
		if !strings.Contains(trace, want) {
			t.Errorf("trace lacks %q", want)
		}
	}
}

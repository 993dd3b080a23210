package verify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/redact"
)

// HTTPOptions configure the one HTTP client every check uses.
type HTTPOptions struct {
	Version string // program version for the User-Agent
	// Timeout limits one attempt (a hung attempt is retried while the check's own
	// timeout allows); 0 means DefaultAttemptTimeout.
	Timeout time.Duration
	// Debug receives one line per attempt (--debug); nil means no trace.
	Debug io.Writer
	// Redact masks the run's secrets in the trace; it may learn more secrets while the
	// client is in use (values typed later). nil masks only sensitive fields.
	Redact *redact.Set
	// Tries is how many attempts a request gets in all; 0 means DefaultTries.
	Tries int
	// Backoff is the wait before attempt+1 after attempt failed; nil means
	// DefaultBackoff (200ms, 400ms, … ±20%).
	Backoff func(attempt int) time.Duration
	// Sleep waits d or until ctx is done; nil means a real timer. Tests inject one.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock for Retry-After dates and deadlines; nil means time.Now.
	Now func() time.Time
	// Base sends a single attempt; nil means a transport with proxies from the
	// environment and dial and TLS timeouts.
	Base http.RoundTripper
}

const (
	DefaultTries          = 3
	DefaultAttemptTimeout = 5 * time.Second
)

// NewHTTPClient builds the client the checks and the LINE SDK use: the User-Agent
// "setup-wizard/<version>", proxies from HTTPS_PROXY and friends, dial and TLS timeouts,
// retries of 429, 5xx and network errors, and with Debug a redacting trace of every attempt.
// It has no overall timeout of its own: the runner's per-check context bounds it.
func NewHTTPClient(o HTTPOptions) *http.Client {
	base := o.Base
	if base == nil {
		base = &http.Transport{
			Proxy: http.ProxyFromEnvironment,
			DialContext: (&net.Dialer{
				Timeout:   5 * time.Second,
				KeepAlive: 30 * time.Second,
			}).DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          20,
			MaxIdleConnsPerHost:   8,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   5 * time.Second,
			ExpectContinueTimeout: time.Second,
			TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
			// guardTransport asks for gzip and decompresses within MaxBody itself.
			DisableCompression: true,
		}
	}
	base = &guardTransport{base: base}
	if o.Debug != nil {
		base = &traceTransport{base: base, w: newTraceWriter(o.Debug, o.Redact)}
	}
	version := o.Version
	if version == "" {
		version = "dev"
	}
	rt := &RetryTransport{
		Base:      base,
		Tries:     o.Tries,
		Backoff:   o.Backoff,
		Sleep:     o.Sleep,
		Now:       o.Now,
		Timeout:   o.Timeout,
		UserAgent: "setup-wizard/" + version,
	}
	if rt.Timeout <= 0 {
		rt.Timeout = DefaultAttemptTimeout
	}
	return &http.Client{Transport: rt, CheckRedirect: refuseRedirects}
}

// NoRedirects returns a copy of c that hands back a redirect instead of following it,
// for probes that classify where a URL sends the browser (authorize pages, lin.ee links).
// The client of NewHTTPClient refuses redirects (a RedirectError); this one returns them.
func NoRedirects(c *http.Client) *http.Client {
	if c == nil {
		c = http.DefaultClient
	}
	cp := *c
	base := cp.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	cp.Transport = allowRedirects{base: base}
	cp.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &cp
}

// DefaultBackoff waits 200ms after the first attempt, 400ms after the second, doubling,
// each ±20% so that many clients do not come back in step.
func DefaultBackoff(attempt int) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	if attempt > 10 {
		attempt = 10
	}
	d := 200 * time.Millisecond << (attempt - 1)
	jitter := 0.8 + 0.4*rand.Float64()
	return time.Duration(float64(d) * jitter)
}

type attemptsKey struct{}
type attemptNoKey struct{}

// CountAttempts returns a context whose HTTP attempts (through NewHTTPClient's client)
// are counted, and a function reading the count. The runner puts one in every check's
// context and reports it as Result.Attempts.
func CountAttempts(ctx context.Context) (context.Context, func() int) {
	n := new(atomic.Int64)
	return context.WithValue(ctx, attemptsKey{}, n), func() int { return int(n.Load()) }
}

// attemptOf is the attempt number (1, 2, 3) of a request sent by the retry transport.
func attemptOf(ctx context.Context) int {
	n, _ := ctx.Value(attemptNoKey{}).(int)
	return n
}

// RetryTransport retries what may pass on a second try: 429, 5xx and network errors
// (refused, reset, a hung attempt). Other 4xx are answers and are returned at once.
// A Retry-After header is honoured; no wait reaches past the context's deadline.
type RetryTransport struct {
	Base      http.RoundTripper
	Tries     int
	Backoff   func(attempt int) time.Duration
	Sleep     func(ctx context.Context, d time.Duration) error
	Now       func() time.Time
	Timeout   time.Duration // per attempt; 0 means none
	UserAgent string        // prepended to the request's own User-Agent
}

func (t *RetryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	tries := t.Tries
	if tries <= 0 {
		tries = DefaultTries
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	backoff := t.Backoff
	if backoff == nil {
		backoff = DefaultBackoff
	}
	now := t.Now
	if now == nil {
		now = time.Now
	}
	sleep := t.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	counter, _ := ctx.Value(attemptsKey{}).(*atomic.Int64)
	if oneTry(req) {
		tries = 1
	}

	for attempt := 1; ; attempt++ {
		actx := context.WithValue(ctx, attemptNoKey{}, attempt)
		cancel := context.CancelFunc(func() {})
		if t.Timeout > 0 {
			actx, cancel = context.WithTimeout(actx, t.Timeout)
		}
		r := req.Clone(actx)
		if attempt > 1 && req.Body != nil && req.Body != http.NoBody {
			body, err := req.GetBody()
			if err != nil {
				cancel()
				return nil, err
			}
			r.Body = body
		}
		if t.UserAgent != "" {
			if ua := req.Header.Get("User-Agent"); ua != "" && !strings.HasPrefix(ua, t.UserAgent) {
				r.Header.Set("User-Agent", t.UserAgent+" "+ua)
			} else {
				r.Header.Set("User-Agent", t.UserAgent)
			}
		}
		if counter != nil {
			counter.Add(1)
		}
		resp, err := base.RoundTrip(r)
		if err != nil {
			cancel()
		} else {
			resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
		}

		if attempt >= tries || ctx.Err() != nil || !retryable(resp, err, actx) {
			return resp, err
		}
		// A body that cannot be sent again cannot be retried.
		if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
			return resp, err
		}
		wait := backoff(attempt)
		if resp != nil {
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), now()); ok {
				wait = ra
			}
		}
		if dl, ok := ctx.Deadline(); ok && now().Add(wait).After(dl) {
			return resp, err // waiting would outlive the caller: keep what we have
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		if serr := sleep(ctx, wait); serr != nil {
			return nil, serr
		}
	}
}

// retryable reports whether an attempt's outcome may change on a second try.
func retryable(resp *http.Response, err error, actx context.Context) bool {
	if err == nil {
		return resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
	}
	// The attempt's own deadline passed (a hung server), not the caller's.
	if errors.Is(err, context.DeadlineExceeded) && actx.Err() != nil {
		return true
	}
	var certErr *tls.CertificateVerificationError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	if errors.As(err, &certErr) || errors.As(err, &unknownCA) || errors.As(err, &hostErr) || errors.As(err, &invalid) {
		return false // a certificate does not fix itself between tries
	}
	var redirect *RedirectError
	if errors.As(err, &redirect) || errors.Is(err, ErrBodyTooLarge) {
		return false // the same answer would come again
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	}
	// Refused, reset, aborted or cut connections, read as the net package reports them on
	// every OS (Windows' WSAECONNREFUSED is not syscall.ECONNREFUSED): a failed dial sent
	// nothing; a failed read or write met a connection the other side dropped.
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		switch opErr.Op {
		case "dial", "read", "write", "proxyconnect":
			return true
		}
	}
	switch {
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil {
		if secs < 0 {
			return 0, false
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// cancelOnClose ends an attempt's context when its body is closed, not before: the
// caller still reads the body after RoundTrip returns.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

package verify

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/redact"
)

// traceWriter writes whole lines, one at a time, stripped and redacted.
type traceWriter struct {
	mu  sync.Mutex
	w   io.Writer
	set *redact.Set
}

func newTraceWriter(w io.Writer, set *redact.Set) *traceWriter {
	return &traceWriter{w: w, set: set}
}

func (t *traceWriter) line(s string) {
	s = t.set.Trace(s)
	t.mu.Lock()
	defer t.mu.Unlock()
	_, _ = io.WriteString(t.w, s+"\n")
}

// traceTransport writes one line per attempt: method, redacted URL, status, time taken,
// attempt number, and short excerpts of the request and response bodies.
type traceTransport struct {
	base http.RoundTripper
	w    *traceWriter
}

const (
	traceRead    = 4 << 10 // bytes read for an excerpt, far more than shown, so a secret is never cut in two
	traceExcerpt = 300     // characters shown
)

func (t *traceTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	reqBody := ""
	if req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
		if b, err := req.GetBody(); err == nil {
			head, _ := io.ReadAll(io.LimitReader(b, traceRead))
			b.Close()
			reqBody = string(head)
		}
	}
	resp, err := t.base.RoundTrip(req)
	took := time.Since(start).Round(time.Millisecond)

	var b strings.Builder
	fmt.Fprintf(&b, "http: %s %s", req.Method, req.URL.Redacted())
	if err != nil {
		fmt.Fprintf(&b, " -> error %v", err)
	} else {
		fmt.Fprintf(&b, " -> %d", resp.StatusCode)
	}
	fmt.Fprintf(&b, " (%s, attempt %d)", took, max(attemptOf(req.Context()), 1))
	if reqBody != "" {
		fmt.Fprintf(&b, " sent=%s", excerpt(reqBody, t.w))
	}
	if resp != nil {
		if loc := resp.Header.Get("Location"); loc != "" {
			fmt.Fprintf(&b, " location=%q", loc)
		}
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			fmt.Fprintf(&b, " retry-after=%q", ra)
		}
		if resp.Body != nil && resp.Body != http.NoBody {
			head, rerr := io.ReadAll(io.LimitReader(resp.Body, traceRead))
			resp.Body = &rejoined{Reader: io.MultiReader(bytes.NewReader(head), resp.Body), Closer: resp.Body}
			if len(head) > 0 {
				fmt.Fprintf(&b, " body=%s", excerpt(string(head), t.w))
			}
			if rerr != nil {
				fmt.Fprintf(&b, " body-error=%v", rerr)
			}
		}
	}
	t.w.line(b.String())
	return resp, err
}

// excerpt strips and redacts the whole text first, then shortens it: cutting first could
// leave a piece of a secret too short to be known.
func excerpt(s string, t *traceWriter) string {
	s = strings.TrimSpace(t.set.Trace(s))
	r := []rune(s)
	if len(r) > traceExcerpt {
		return string(r[:traceExcerpt]) + "…"
	}
	return s
}

type rejoined struct {
	io.Reader
	io.Closer
}

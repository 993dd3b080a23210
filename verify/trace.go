package verify

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
)

// SensitiveFields are the form, JSON and query fields whose values the trace never shows.
var SensitiveFields = []string{
	"access_token", "client_secret", "token", "id_token", "code", "code_verifier",
	"refresh_token", "channel_secret", "channel_access_token", "channelSecret",
	"channelAccessToken", "client_assertion", "password",
}

const redacted = "[redacted]"

var (
	fieldAlt = func() string {
		q := make([]string, len(SensitiveFields))
		for i, f := range SensitiveFields {
			q[i] = regexp.QuoteMeta(f)
		}
		return strings.Join(q, "|")
	}()
	// "client_secret": "…" in JSON, also when the excerpt is cut short.
	jsonFieldRE = regexp.MustCompile(`(?i)("(?:` + fieldAlt + `)"\s*:\s*)"(?:[^"\\]|\\.)*("|$)`)
	// client_secret=… in a form or query string.
	formFieldRE = regexp.MustCompile(`(?i)((?:^|[?&;\s])(?:` + fieldAlt + `)=)[^&;\s"]*`)
	// Authorization: Bearer … / Basic … wherever it shows.
	authHeaderRE = regexp.MustCompile(`(?i)(authorization["']?\s*[:=]\s*["']?(?:bearer\s+|basic\s+)?)[^\s"',;&]+`)
	authRE       = regexp.MustCompile(`(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}`)
)

// Redact removes from s every value of a sensitive field and every literal secret, also
// in its URL- and JSON-escaped forms.
func Redact(s string, secrets []string) string {
	// Longest first, so that a secret containing another is removed whole.
	sorted := append([]string(nil), secrets...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, sec := range sorted {
		if strings.TrimSpace(sec) == "" {
			continue
		}
		for _, form := range []string{sec, url.QueryEscape(sec), url.PathEscape(sec), strings.ReplaceAll(sec, "/", `\/`)} {
			s = strings.ReplaceAll(s, form, redacted)
		}
	}
	s = jsonFieldRE.ReplaceAllString(s, `$1"`+redacted+`$2`)
	s = formFieldRE.ReplaceAllString(s, `${1}`+redacted)
	s = authHeaderRE.ReplaceAllString(s, `${1}`+redacted)
	s = authRE.ReplaceAllString(s, `$1 `+redacted)
	return s
}

// traceWriter writes whole lines, one at a time, redacted and cleaned.
type traceWriter struct {
	mu      sync.Mutex
	w       io.Writer
	secrets func() []string
}

func newTraceWriter(w io.Writer, secrets func() []string) *traceWriter {
	return &traceWriter{w: w, secrets: secrets}
}

func (t *traceWriter) line(s string) {
	var secs []string
	if t.secrets != nil {
		secs = t.secrets()
	}
	s = steps.Clean(Redact(s, secs))
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

// excerpt redacts and cleans the whole text first, then shortens it: cutting first could
// leave half a secret that no longer matches.
func excerpt(s string, t *traceWriter) string {
	var secs []string
	if t.secrets != nil {
		secs = t.secrets()
	}
	s = strings.TrimSpace(steps.Clean(Redact(s, secs)))
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

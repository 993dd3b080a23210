package verify

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// MaxBody is the most of a response body the client passes on (after decompression): LINE
// and NAVER answer in a few hundred bytes, and the LINE SDK reads whatever it is given.
const MaxBody = 1 << 20

// ErrBodyTooLarge is what reading a response body past MaxBody returns.
var ErrBodyTooLarge = fmt.Errorf("the answer is larger than %d KiB, which no LINE or NAVER API sends; stopped reading", MaxBody>>10)

// RedirectError is an API call answered by a redirect, which the client does not follow:
// the request carries a token, a secret or a client secret in its body or headers, and a
// redirect may send them to another host, port or scheme.
type RedirectError struct {
	Status int
	From   *url.URL // the request
	To     *url.URL // the Location, resolved against From; nil when it could not be read
}

func (e *RedirectError) Error() string {
	if e.To == nil {
		return fmt.Sprintf("HTTP %d redirect with an unreadable Location, not followed (the request carries secrets)", e.Status)
	}
	where := e.To.Scheme + "://" + e.To.Host
	if e.From != nil && e.To.Scheme == e.From.Scheme && e.To.Host == e.From.Host {
		where += " (the same host)"
	}
	return fmt.Sprintf("HTTP %d redirect to %s, not followed: the request carries secrets, which go only to the API's own address", e.Status, where)
}

// Host is the redirect's target host (with its port, if one was named).
func (e *RedirectError) Host() string {
	if e.To == nil {
		return ""
	}
	return e.To.Host
}

type redirectsKey struct{}

// guardTransport is the last layer before the network: it asks for gzip itself and
// decompresses within MaxBody (a gzip bomb stops there), caps every body at MaxBody, and
// turns a redirect into a RedirectError unless the request came through NoRedirects,
// whose callers classify redirects without following them.
type guardTransport struct {
	base http.RoundTripper
}

func (t *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req
	ownGzip := req.Header.Get("Accept-Encoding") == ""
	if ownGzip {
		r = req.Clone(req.Context())
		r.Header.Set("Accept-Encoding", "gzip")
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.Header.Get("Location") != "" {
		if allowed, _ := req.Context().Value(redirectsKey{}).(bool); !allowed {
			resp.Body.Close()
			rerr := &RedirectError{Status: resp.StatusCode, From: req.URL}
			if to, perr := req.URL.Parse(resp.Header.Get("Location")); perr == nil {
				rerr.To = to
			}
			return nil, rerr
		}
	}
	body := resp.Body
	if ownGzip && strings.EqualFold(strings.TrimSpace(resp.Header.Get("Content-Encoding")), "gzip") {
		body = &gunzip{raw: resp.Body}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
	}
	if resp.ContentLength > MaxBody {
		resp.ContentLength = -1 // what is passed on is not that long
	}
	resp.Body = &capped{r: body, c: body, left: MaxBody}
	return resp, nil
}

// allowRedirects marks the requests of a NoRedirects client: their redirects are handed
// back, not followed and not refused.
type allowRedirects struct{ base http.RoundTripper }

func (t allowRedirects) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.base.RoundTrip(req.WithContext(context.WithValue(req.Context(), redirectsKey{}, true)))
}

// refuseRedirects is the API client's CheckRedirect: guardTransport already turns every
// redirect into an error, this only makes sure nothing is followed if a base transport
// lets one through.
func refuseRedirects(req *http.Request, via []*http.Request) error {
	from := req.URL
	if len(via) > 0 {
		from = via[len(via)-1].URL
	}
	return &RedirectError{Status: req.Response.StatusCode, From: from, To: req.URL}
}

// capped passes on at most left bytes and then fails with ErrBodyTooLarge if more come.
type capped struct {
	r    io.Reader
	c    io.Closer
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, ErrBodyTooLarge
		}
		if err == nil {
			return 0, nil
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

func (c *capped) Close() error { return c.c.Close() }

// gunzip decompresses lazily, so that RoundTrip never waits for the body.
type gunzip struct {
	raw io.ReadCloser
	zr  *gzip.Reader
	err error
}

func (g *gunzip) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if g.zr == nil {
		zr, err := gzip.NewReader(bufio.NewReader(g.raw))
		if err != nil {
			g.err = fmt.Errorf("the answer is not valid gzip: %w", err)
			return 0, g.err
		}
		zr.Multistream(false)
		g.zr = zr
	}
	n, err := g.zr.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		g.err = err
	}
	return n, err
}

func (g *gunzip) Close() error { return g.raw.Close() }

type noRetryKey struct{}

// NoRetry marks ctx's requests as never to be sent twice (a call LINE allows a few
// times an hour, or one whose effect must not happen twice).
func NoRetry(ctx context.Context) context.Context {
	return context.WithValue(ctx, noRetryKey{}, true)
}

// oneTry reports whether req must be sent at most once: POST …/webhook/test (LINE allows
// 60 an hour, and each sends the operator's server an event) and requests under NoRetry.
func oneTry(req *http.Request) bool {
	if no, _ := req.Context().Value(noRetryKey{}).(bool); no {
		return true
	}
	return req.Method == http.MethodPost && strings.HasSuffix(strings.TrimRight(req.URL.Path, "/"), "/webhook/test")
}

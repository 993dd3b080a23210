// Package hostile is a stand-in for LINE and NAVER that answers as a broken or malicious
// API or proxy would: it echoes the secrets it was sent (spliced with invisible or escape
// characters, JSON-escaped), redirects to another host, port or scheme, sends bodies far
// too large, gzip bombs, endless bodies, never answers, or answers with broken JSON. It
// listens only on loopback and every loop it runs is bounded.
//
// A Server misbehaves on every request whose path contains Only (all requests when Only
// is empty) and passes the others to Upstream (an emulator of internal/fakeapi), so a walk
// reaches the call under attack.
package hostile

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// Mode is one way of misbehaving.
type Mode string

const (
	EchoPlain    Mode = "echo-plain"     // 400 whose message quotes every secret sent
	EchoZeroWide Mode = "echo-zerowidth" // … with zero-width characters spliced in
	EchoBidi     Mode = "echo-bidi"      // … with bidi overrides and isolates spliced in
	EchoJSON     Mode = "echo-json"      // … JSON-escaped: \u002b for +, \/ for /
	EchoANSI     Mode = "echo-ansi"      // … with colour escapes and a bell spliced in
	Echo200      Mode = "echo-200"       // 200 whose every plausible field quotes the secrets (zero-width spliced)
	Redirect307  Mode = "redirect-307"   // 307 to the same host, another port (Elsewhere)
	Redirect308  Mode = "redirect-308"   // 308 to another host name (localhost), another port
	RedirectHTTP Mode = "redirect-http"  // 307 to plain http (from an https server: NewTLS)
	Big          Mode = "big"            // 400 with a 100 MB error body (a JSON message that goes on)
	GzipBomb     Mode = "gzip-bomb"      // 400, Content-Encoding gzip: 2 MB that expand to 2 GB
	Endless      Mode = "endless"        // 200 with a JSON string that never ends (bounded at 10 GB)
	Hang         Mode = "hang"           // no answer until the client gives up (at most 2 minutes)
	BadJSON      Mode = "bad-json"       // 200 with JSON cut short
	LongID       Mode = "long-id"        // 200 whose client_id (the channel ID LINE names) is 20,000 digits
	QuotedID     Mode = "quoted-id"      // 200 whose client_id holds quotes and a new line
)

// Modes lists every mode.
func Modes() []Mode {
	return []Mode{EchoPlain, EchoZeroWide, EchoBidi, EchoJSON, EchoANSI, Echo200, Redirect307,
		Redirect308, RedirectHTTP, Big, GzipBomb, Endless, Hang, BadJSON, LongID, QuotedID}
}

// Sizes of the big answers.
const (
	BigSize      = 100 << 20 // Big
	BombSize     = 2 << 20   // GzipBomb, compressed
	endlessLimit = 10 << 30  // Endless stops here whatever happens
	hangLimit    = 2 * time.Minute
)

// Server is one hostile API root.
type Server struct {
	URL  string
	Mode Mode
	Only string // path substring that is attacked; "" attacks every request

	srv       *httptest.Server
	proxy     http.Handler
	Elsewhere *Recorder // where the redirects point
	hits      sync.Map  // path → *int (attacked requests)
	mu        sync.Mutex
	attacked  int
}

// New starts a hostile server in mode on 127.0.0.1, passing requests that Only does not
// match to upstream ("" answers them 404).
func New(mode Mode, only, upstream string) (*Server, error) {
	return start(mode, only, upstream, false)
}

// NewTLS is New over https, with httptest's certificate (Client trusts it).
func NewTLS(mode Mode, only, upstream string) (*Server, error) {
	return start(mode, only, upstream, true)
}

func start(mode Mode, only, upstream string, tls bool) (*Server, error) {
	known := false
	for _, m := range Modes() {
		known = known || m == mode
	}
	if !known {
		return nil, fmt.Errorf("hostile: unknown mode %q", mode)
	}
	s := &Server{Mode: mode, Only: only, Elsewhere: newRecorder()}
	if upstream != "" {
		u, err := url.Parse(upstream)
		if err != nil {
			return nil, err
		}
		s.proxy = httputil.NewSingleHostReverseProxy(u)
	}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	if tls {
		s.srv.StartTLS()
	} else {
		s.srv.Start()
	}
	s.URL = s.srv.URL
	return s, nil
}

// Client is an http.Client that trusts the server's certificate (NewTLS).
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close stops the server and its Elsewhere.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
	s.Elsewhere.Close()
}

// Attacked is how many requests got the hostile answer.
func (s *Server) Attacked() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attacked
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if s.Only != "" && !strings.Contains(r.URL.Path, s.Only) {
		if s.proxy == nil {
			http.NotFound(w, r)
			return
		}
		s.proxy.ServeHTTP(w, r)
		return
	}
	s.mu.Lock()
	s.attacked++
	s.mu.Unlock()
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	secrets := Secrets(r, body)
	switch s.Mode {
	case EchoPlain, EchoZeroWide, EchoBidi, EchoJSON, EchoANSI:
		msg := "invalid credentials: " + strings.Join(splice(s.Mode, secrets), " / ")
		b, _ := json.Marshal(map[string]string{"message": "PLACEHOLDER", "error": "invalid_request", "error_description": "PLACEHOLDER"})
		// Written by hand: json.Marshal would escape the escapes away.
		out := strings.ReplaceAll(string(b), "PLACEHOLDER", jsonText(s.Mode, msg))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, out)
	case Echo200:
		v := strings.Join(splice(EchoZeroWide, secrets), " ")
		if v == "" {
			v = "nothing sent"
		}
		m := map[string]any{}
		for _, k := range []string{"client_id", "displayName", "basicId", "premiumId", "userId", "chatMode",
			"markAsReadMode", "pictureUrl", "endpoint", "detail", "reason", "message", "access_token",
			"token_type", "scope", "error", "error_description", "result"} {
			m[k] = v
		}
		m["expires_in"] = 2591999
		m["active"] = true
		m["success"] = false
		m["statusCode"] = 500
		m["timestamp"] = "2026-01-01T00:00:00Z"
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(m)
	case Redirect307, Redirect308, RedirectHTTP:
		target := s.Elsewhere.URL
		status := http.StatusTemporaryRedirect
		switch s.Mode {
		case Redirect308:
			status = http.StatusPermanentRedirect
			target = strings.Replace(target, "127.0.0.1", "localhost", 1)
		case RedirectHTTP:
			target = strings.Replace(target, "https://", "http://", 1)
		}
		w.Header().Set("Location", target+r.URL.RequestURI())
		w.WriteHeader(status)
	case Big:
		// An error body: the LINE SDK reads every byte of one before it returns.
		const head = `{"message":"`
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(BigSize))
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, head)
		writeFill(w, BigSize-len(head))
	case GzipBomb:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write(Bomb())
	case Endless:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, `{"displayName":"`)
		writeFill(w, endlessLimit)
	case Hang:
		select {
		case <-r.Context().Done():
		case <-time.After(hangLimit):
		}
	case BadJSON:
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"client_id":"1234567890","expires_in":`)
	case LongID, QuotedID:
		// What POST /v2/oauth/verify answers for a valid token, with a channel ID no
		// channel has.
		id := strings.Repeat("1", 20000)
		if s.Mode == QuotedID {
			id = "2000000001\"\n  channel_secret: \"x"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"scope": "P", "client_id": id, "expires_in": 2591999})
	}
}

// writeFill writes n bytes of 'a' (or until the client goes).
func writeFill[N int | int64](w io.Writer, size N) {
	n := int64(size)
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	for n > 0 {
		c := chunk
		if int64(len(c)) > n {
			c = c[:n]
		}
		if _, err := w.Write(c); err != nil {
			return
		}
		n -= int64(len(c))
	}
}

var (
	bombOnce sync.Once
	bomb     []byte
)

// Bomb is a gzip stream of about BombSize bytes that expands to about a thousand times
// that (zeros). It is built from one compressed block repeated, without compressing
// gigabytes; its checksum is wrong, which a reader stopping early never sees.
func Bomb() []byte {
	bombOnce.Do(func() {
		var blk bytes.Buffer
		fw, _ := flate.NewWriter(&blk, flate.BestCompression)
		zeros := make([]byte, 1<<20)
		_, _ = fw.Write(zeros)
		_ = fw.Flush() // byte-aligned, not final: the block can be repeated
		block := append([]byte(nil), blk.Bytes()...)
		var out bytes.Buffer
		out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}) // gzip header
		for out.Len()+len(block) < BombSize {
			out.Write(block)
		}
		out.Write([]byte{0x03, 0x00}) // final empty block
		out.Write(make([]byte, 8))    // CRC32 and size (wrong)
		bomb = out.Bytes()
	})
	return bomb
}

// Secrets finds what a request carries that a real API would keep to itself: a bearer
// or basic token, and the values of secret form, query and JSON fields.
func Secrets(r *http.Request, body []byte) []string {
	seen := map[string]bool{}
	add := func(v string) {
		if v = strings.TrimSpace(v); len(v) >= 6 {
			seen[v] = true
		}
	}
	if a := r.Header.Get("Authorization"); a != "" {
		if _, v, ok := strings.Cut(a, " "); ok {
			add(v)
		}
	}
	fields := []string{"access_token", "client_secret", "channel_secret", "client_assertion", "refresh_token", "id_token", "code_verifier"}
	vals := r.URL.Query()
	if q, err := url.ParseQuery(string(body)); err == nil {
		for k, v := range q {
			vals[k] = append(vals[k], v...)
		}
	}
	var m map[string]any
	if json.Unmarshal(body, &m) == nil {
		for k, v := range m {
			if s, ok := v.(string); ok {
				vals[k] = append(vals[k], s)
			}
		}
	}
	for _, f := range fields {
		for _, v := range vals[f] {
			add(v)
		}
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// splice writes each secret the way mode hides it.
func splice(mode Mode, secrets []string) []string {
	out := make([]string, len(secrets))
	for i, s := range secrets {
		var ins []string
		switch mode {
		case EchoZeroWide:
			ins = []string{"\u200b", "\u200d", "\u2060", "\ufeff"}
		case EchoBidi:
			ins = []string{"\u202e", "\u2066", "\u202a", "\u200f"}
		case EchoANSI:
			ins = []string{"\x1b[31m", "\x07", "\x1b[0m", "\x1b]0;x\x07"}
		}
		if ins == nil {
			out[i] = s
			continue
		}
		var b strings.Builder
		for j, r := range s {
			if j > 0 && j%5 == 0 {
				b.WriteString(ins[(j/5)%len(ins)])
			}
			b.WriteRune(r)
		}
		out[i] = b.String()
	}
	return out
}

// jsonText is msg as the inside of a JSON string, escaped as mode wants it.
func jsonText(mode Mode, msg string) string {
	b, _ := json.Marshal(msg)
	t := string(b[1 : len(b)-1])
	if mode == EchoJSON {
		t = strings.NewReplacer("+", `\u002b`, "/", `\/`, "=", `\u003d`).Replace(t)
	}
	return t
}

// Recorder is a loopback listener that records every request reaching it: where a
// redirect would carry the secrets.
type Recorder struct {
	URL string
	srv *httptest.Server
	mu  sync.Mutex
	got []string
}

func newRecorder() *Recorder {
	rec := &Recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		var h strings.Builder
		_ = r.Header.Write(&h)
		rec.mu.Lock()
		rec.got = append(rec.got, r.Method+" "+r.URL.String()+"\n"+h.String()+"\n"+string(b))
		rec.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	rec.URL = rec.srv.URL
	return rec
}

// Requests are the requests that reached the recorder, each as method, URL, headers and
// body.
func (r *Recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.got...)
}

// Close stops the recorder.
func (r *Recorder) Close() { r.srv.Close() }

// Loopback reports whether addr (host:port) is a loopback address, for tests that make
// sure nothing else is listened on.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

package hostile

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestListensOnLoopbackOnly(t *testing.T) {
	for _, m := range Modes() {
		s, err := New(m, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if !Loopback(strings.TrimPrefix(s.URL, "http://")) || !Loopback(strings.TrimPrefix(s.Elsewhere.URL, "http://")) {
			t.Errorf("%s listens on %s / %s", m, s.URL, s.Elsewhere.URL)
		}
		s.Close()
	}
	if _, err := New("nonsense", "", ""); err == nil {
		t.Error("unknown mode accepted")
	}
}

// The bomb is about BombSize bytes and expands at least 500 times as much.
func TestBomb(t *testing.T) {
	b := Bomb()
	if len(b) > BombSize || len(b) < BombSize*9/10 {
		t.Fatalf("bomb is %d bytes", len(b))
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(zr, 500*BombSize))
	if n != 500*BombSize {
		t.Fatalf("expands to %d bytes only", n)
	}
}

// The echo modes quote what the request carried, hidden as the mode says.
func TestEchoQuotesSecrets(t *testing.T) {
	const secret = "5b9e0c7d1a2f4e6b8c0d2e4f6a8b0c1d"
	for _, m := range []Mode{EchoPlain, EchoZeroWide, EchoBidi, EchoJSON, EchoANSI, Echo200} {
		s, _ := New(m, "", "")
		resp, err := http.Post(s.URL+"/oauth2/v3/token", "application/x-www-form-urlencoded", strings.NewReader("client_secret="+secret))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		s.Close()
		plain := strings.Contains(string(b), secret)
		if plain != (m == EchoPlain || m == EchoJSON) || !strings.Contains(string(b), secret[:5]) {
			t.Errorf("%s: %q", m, b)
		}
	}
}

// Requests outside Only go to the upstream.
func TestOnlyPassesOthersUpstream(t *testing.T) {
	up, _ := New(BadJSON, "", "")
	defer up.Close()
	s, _ := New(Big, "/attacked", up.URL)
	defer s.Close()
	resp, err := http.Get(s.URL + "/other")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(b), `{"client_id"`) || s.Attacked() != 0 || up.Attacked() != 1 {
		t.Errorf("%q, attacked %d/%d", b, s.Attacked(), up.Attacked())
	}
}

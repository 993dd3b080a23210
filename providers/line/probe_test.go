package line_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/steps"
)

// TestClassifyAuthorizeFixtures runs the classifier over the recorded-style pages of
// testdata/line/authorize; index.json holds the verdict each must get.
func TestClassifyAuthorizeFixtures(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "line", "authorize")
	raw, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index struct {
		Cases []struct {
			File     string `json:"file"`
			Status   int    `json:"status"`
			Location string `json:"location"`
			Verdict  string `json:"verdict"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &index); err != nil {
		t.Fatal(err)
	}
	if len(index.Cases) == 0 {
		t.Fatal("no cases")
	}
	seen := map[line.CallbackVerdict]bool{}
	for _, c := range index.Cases {
		body, err := os.ReadFile(filepath.Join(dir, c.File))
		if err != nil {
			t.Fatal(err)
		}
		v, detail := line.ClassifyAuthorize(c.Status, c.Location, body)
		seen[v] = true
		if string(v) != c.Verdict {
			t.Errorf("%s (HTTP %d): %s, want %s (%s)", c.File, c.Status, v, c.Verdict, detail)
		}
		if detail == "" || detail != steps.Clean(detail) {
			t.Errorf("%s: detail %q", c.File, detail)
		}
		if !strings.Contains(detail, "HTTP") {
			t.Errorf("%s: detail without the status: %q", c.File, detail)
		}
	}
	for _, v := range []line.CallbackVerdict{line.CallbackRegistered, line.CallbackLoginPage, line.CallbackUnregistered, line.CallbackWrongClientID, line.CallbackUnknown} {
		if !seen[v] {
			t.Errorf("no fixture gives %s", v)
		}
	}
	// Every fixture file is listed.
	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, f := range files {
		if !strings.Contains(string(raw), `"`+filepath.Base(f)+`"`) {
			t.Errorf("%s is not in index.json", filepath.Base(f))
		}
	}
}

func TestClassifyAuthorizeEdges(t *testing.T) {
	cases := []struct {
		status   int
		location string
		body     string
		want     line.CallbackVerdict
	}{
		// A 5xx page that happens to quote the text is still an outage.
		{500, "", "Invalid redirect_uri value", line.CallbackUnknown},
		{429, "", "Invalid client_id", line.CallbackUnknown},
		{302, "https://cms.example.com/line/callback?code=abc&state=x", "", line.CallbackRegistered},
		{302, "https://access.line.me/dialog/oauth/weblogin?x=1", "", line.CallbackLoginPage},
		{302, "https://access.line.me/oauth2/v2.1/login?returnUri=x", "", line.CallbackLoginPage},
		{302, "%%%", "", line.CallbackUnknown},
		{200, "", "INVALID REDIRECT_URI VALUE", line.CallbackUnregistered},
		{404, "", "<title>Not Found</title>", line.CallbackUnknown},
	}
	for _, c := range cases {
		if got, detail := line.ClassifyAuthorize(c.status, c.location, []byte(c.body)); got != c.want {
			t.Errorf("%d %q %q: %s, want %s (%s)", c.status, c.location, c.body, got, c.want, detail)
		}
	}
}

func FuzzClassifyAuthorize(f *testing.F) {
	f.Add(400, "", []byte("Invalid redirect_uri value."))
	f.Add(302, "https://access.line.me/oauth2/v2.1/login?a=b", []byte(""))
	f.Add(200, "", []byte("<title>\x1b[31mx</title>"))
	f.Fuzz(func(t *testing.T, status int, location string, body []byte) {
		v, detail := line.ClassifyAuthorize(status, location, body)
		switch v {
		case line.CallbackRegistered, line.CallbackLoginPage, line.CallbackUnregistered, line.CallbackWrongClientID, line.CallbackUnknown:
		default:
			t.Fatalf("verdict %q", v)
		}
		if detail != steps.Clean(detail) {
			t.Fatalf("detail not clean: %q", detail)
		}
	})
}

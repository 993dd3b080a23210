package naver

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Each fixture holds NAVER's answer to an authorize request (status, Location, body) and,
// in its comment, the verdict ClassifyAuthorize must reach.
func TestClassifyAuthorizeFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/authorize/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string]string{}
			for _, file := range ar.Files {
				parts[file.Name] = string(file.Data)
			}
			var want string
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "verdict: "); ok {
					want = strings.TrimSpace(v)
				}
			}
			status, err := strconv.Atoi(strings.TrimSpace(parts["status"]))
			if err != nil || want == "" {
				t.Fatalf("fixture needs a status and a verdict line (status %q, verdict %q)", parts["status"], want)
			}
			got, why := ClassifyAuthorize(status, strings.TrimSpace(parts["location"]), []byte(parts["body"]))
			if got.String() != want {
				t.Errorf("verdict %s (%s), want %s", got, why, want)
			}
			if why == "" {
				t.Error("no explanation for the report's detail")
			}
		})
	}
}

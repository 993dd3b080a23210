package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the real setup-wizard once per benchmark run.
func binary(b *testing.B) string {
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "setup-wizard-bench")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "setup-wizard")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/setup-wizard").CombinedOutput()
		if err != nil {
			buildErr = &buildError{out: string(out), err: err}
		}
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// BenchmarkVersion is `setup-wizard --version` from exec to exit; the budget is 10 ms
// (package init costs included: see GODEBUG=inittrace=1).
func BenchmarkVersion(b *testing.B) {
	bin := binary(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(bin, "--version").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

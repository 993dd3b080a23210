//go:build unix

package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
)

// Issue 7, hostile files. A YAML file nested 40,000 levels deep used to take 2.5 GB and
// 13 s before it was refused; /dev/zero as --answers ran out of memory; a 50 MB answers
// file took over a gigabyte. Now a pre-scan refuses the nesting before the decoder sees it
// (budget: well under 100 ms) and every file is read with a size cap.

// deepFiles are the shapes of the nesting attack, 40,000 levels each.
var deepFiles = map[string]string{
	"brackets": "version: 1\nline: " + strings.Repeat("[", 40000) + "\n",
	"braces":   "version: 1\nline: " + strings.Repeat("{a: ", 40000) + "\n",
	"items":    "version: 1\nline:\n" + strings.Repeat("- ", 40000) + "x\n",
}

// BenchmarkDeepYAMLRefusal measures config.Parse refusing each shape in-process: time
// per refusal ("ms/op", budget 100) and what it allocates (B/op).
func BenchmarkDeepYAMLRefusal(b *testing.B) {
	for name, doc := range deepFiles {
		in := []byte(doc)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := config.Parse("deep.yaml", in); err == nil || !strings.Contains(err.Error(), "nested more than") {
					b.Fatalf("not refused for its depth: %v", err)
				}
			}
			ms := float64(time.Since(start).Microseconds()) / 1000 / float64(b.N)
			b.ReportMetric(ms, "ms/op")
			if ms > 100 {
				b.Errorf("refusal took %.1f ms, budget 100", ms)
			}
		})
	}
}

// BenchmarkHostileFiles runs the real binary on each hostile file and reports its wall
// time ("ms/run") and peak RSS ("peak-MB"): the whole process, start-up included, must
// refuse (exit 2) in well under 100 ms and without the memory the file asks for.
func BenchmarkHostileFiles(b *testing.B) {
	bin := binary(b)
	dir := b.TempDir()
	deep := filepath.Join(dir, "deep.yaml")
	if err := os.WriteFile(deep, []byte(deepFiles["brackets"]), 0o600); err != nil {
		b.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := writeBig(big, 50<<20); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, answers, secretFile string }{
		{"deep-answers", deep, ""},
		{"50MB-answers", big, ""},
		{"dev-zero-answers", "/dev/zero", ""},
		{"dev-zero-secret", "", "/dev/zero"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var peak, total float64
			for i := 0; i < b.N; i++ {
				args := []string{"--sandbox", "--non-interactive", "-c", filepath.Join(dir, "shop.yaml")}
				if c.answers != "" {
					args = append(args, "--answers", c.answers)
				}
				if c.secretFile != "" {
					args = append(args, "--naver-client-secret-file", c.secretFile)
				}
				cmd := exec.Command(bin, append(args, "naver")...)
				cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "LANG=en_US.UTF-8")
				start := time.Now()
				out, _ := cmd.CombinedOutput()
				total += float64(time.Since(start).Microseconds()) / 1000
				if code := cmd.ProcessState.ExitCode(); code != 2 {
					b.Fatalf("exit %d, want 2:\n%s", code, out)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peak = max(peak, float64(ru.Maxrss)/1024) // Linux: KiB
				}
			}
			b.ReportMetric(total/float64(b.N), "ms/run")
			b.ReportMetric(peak, "peak-MB")
			// On Linux a child started with vfork inherits its parent's high-water mark
			// at exec, so peak-MB is at least this benchmark's own; shown to read it by.
			var self syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &self) == nil {
				b.ReportMetric(float64(self.Maxrss)/1024, "bench-self-MB")
			}
		})
	}
}

// writeBig writes a valid answers file of about n bytes in small pieces, so that this
// process never holds it (its own memory would show in the child's figure).
func writeBig(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	chunk := []byte(strings.Repeat("x", 64<<10))
	if _, err := f.WriteString("version: 1\nline:\n  account_name: "); err != nil {
		f.Close()
		return err
	}
	for written := 0; written < n; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			f.Close()
			return err
		}
	}
	if _, err := f.WriteString("\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// batchLatency delays every answer of the emulator.
const batchLatency = 100 * time.Millisecond

// BenchmarkBatchVerify is support's batch: `setup-wizard verify -c DIR` on 500 configs
// against the built-in emulator (--sandbox) with every answer delayed by 100 ms, run as a
// real process. It reports configs a second, the bound the in-flight limit allows
// (jobs ÷ (longest chain × 100 ms), the chain measured as one config's wall time in
// units of the delay), their ratio (goal ≥ 0.8) and the process's peak memory (goal
// < 150 MB).
//
// The sandbox emulates one channel and counts LINE's 60 webhook tests an hour per channel,
// so the benchmark runs with --rate 0 (the per-channel limit would otherwise set the pace
// of 500 copies of one channel) and --no-webhook-test.
func BenchmarkBatchVerify(b *testing.B) {
	bin := binary(b)
	const configs, jobs = 500, 8
	dir := b.TempDir()
	env := append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "LANG=en_US.UTF-8")
	one := filepath.Join(dir, "one.yaml")
	walk := exec.Command(bin, "--sandbox", "--non-interactive", "--set-webhook", "--platform", "generic", "-c", one, "line", "--flow", "new")
	walk.Env = env
	if out, err := walk.CombinedOutput(); err != nil {
		b.Fatalf("writing a sample config: %v\n%s", err, out)
	}
	src, err := os.ReadFile(one)
	if err != nil {
		b.Fatal(err)
	}
	cfgDir := filepath.Join(dir, "customers")
	if err := os.Mkdir(cfgDir, 0o700); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < configs; i++ {
		if err := os.WriteFile(filepath.Join(cfgDir, fmt.Sprintf("shop%03d.yaml", i)), src, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	delayed := append(env, "SETUP_WIZARD_SANDBOX_FAULTS=latency="+batchLatency.String())
	verify := func(args ...string) (time.Duration, int64, string) {
		cmd := exec.Command(bin, append([]string{"verify", "--sandbox", "--no-webhook-test", "--rate", "0"}, args...)...)
		cmd.Env = delayed
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("verify %v: %v\n%s", args, err, out.String())
		}
		d := time.Since(start)
		var rss int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss // kilobytes on Linux
		}
		return d, rss, out.String()
	}
	// The longest chain: one config alone, in units of the delay.
	single := time.Duration(1<<63 - 1)
	for i := 0; i < 3; i++ {
		d, _, _ := verify("-c", one)
		single = min(single, d)
	}
	chain := max(1, int(single/batchLatency))
	bound := float64(jobs) / (float64(chain) * batchLatency.Seconds())

	var total time.Duration
	var peak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, rss, out := verify("--jobs", fmt.Sprint(jobs), "-c", cfgDir)
		if !strings.Contains(out, fmt.Sprintf("%d configs: %d good", configs, configs)) {
			b.Fatalf("not every config passed:\n%s", out[max(0, len(out)-500):])
		}
		total += d
		peak = max(peak, rss)
	}
	rate := float64(configs) / (total.Seconds() / float64(b.N))
	b.ReportMetric(rate, "configs/s")
	b.ReportMetric(bound, "bound-configs/s")
	b.ReportMetric(rate/bound, "ratio")
	b.ReportMetric(float64(chain), "chain")
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}

//go:build unix

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// signalRun starts the real binary in dir and returns it with its stderr, read line by
// line into lines until the process ends.
func signalRun(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, chan string, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(buildBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"XDG_STATE_HOME=" + filepath.Join(dir, ".state"), "LANG=en_US.UTF-8", "NO_COLOR=1"}, env...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 100)
	all := &bytes.Buffer{}
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			lines <- sc.Text()
		}
	}()
	return cmd, lines, all
}

func exitCodeOf(t *testing.T, cmd *exec.Cmd, lines chan string) int {
	t.Helper()
	for range lines {
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode()
}

// ctrl+c or SIGTERM in the middle of a --non-interactive run's checks: exit 130, the
// message does not promise a draft (there is none), the config file is untouched and no
// temp file is left. Before, it said "Your answers are kept as a draft".
func TestInterruptNonInteractive(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			good := []byte("version: 1\nnaver:\n  application_name: Before\nverification:\n  at: 2026-01-01T00:00:00Z\n  sandbox: true\n  results: []\n")
			os.WriteFile(filepath.Join(dir, "shop.yaml"), good, 0o600)
			os.WriteFile(filepath.Join(dir, "naver.yaml"), []byte("version: 1\nnaver:\n  application_name: Sample Shop\n  client_id: SbxClientId0000Abc12\n  client_secret: Sbx0Secr3t\n  pc_web: {service_url: \"https://sample.com\"}\n  mobile_web: {service_url: \"https://m.sample.com\"}\n  platform: cafe24\n"), 0o600)
			cmd, lines, all := signalRun(t, dir, []string{"SETUP_WIZARD_SANDBOX_FAULTS=naver_latency=1h"},
				"--sandbox", "--non-interactive", "--timeout", "60s", "--answers", "naver.yaml", "-c", "shop.yaml", "naver")
			for l := range lines {
				if strings.Contains(l, "Checking") {
					break // the checks are under way, each waiting an hour for its answer
				}
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if code := exitCodeOf(t, cmd, lines); code != 130 {
				t.Fatalf("exit %d, want 130\n%s", code, all)
			}
			if !strings.Contains(all.String(), "Stopped. Nothing was written.") || strings.Contains(all.String(), "draft") {
				t.Errorf("stderr:\n%s", all)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "shop.yaml")); !bytes.Equal(b, good) {
				t.Errorf("the config file changed:\n%s", b)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temp file left: %s", e.Name())
				}
			}
		})
	}
}

// An --answers FIFO nobody writes to blocks in open(2); ctrl+c still stops the run.
// Before, the process ignored SIGINT and SIGTERM there. (The wait for the blocked open is
// read from /proc, so this runs on Linux.)
func TestInterruptWhileAnswersFIFOBlocks(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	dir := t.TempDir()
	if err := unix.Mkfifo(filepath.Join(dir, "answers.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd, lines, all := signalRun(t, dir, nil, "--sandbox", "--non-interactive", "--answers", "answers.yaml", "-c", "shop.yaml", "naver")
	for !blockedInFIFOOpen(cmd.Process.Pid) {
		if len(lines) > 0 {
			t.Fatalf("the run went on without its answers: %s", <-lines)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(os.Interrupt)
	if code := exitCodeOf(t, cmd, lines); code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, all)
	}
	if !strings.Contains(all.String(), "Stopped. Nothing was written.") {
		t.Errorf("stderr:\n%s", all)
	}
}

// blockedInFIFOOpen tells whether a thread of pid waits for a FIFO's other end.
func blockedInFIFOOpen(pid int) bool {
	tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "wchan"))
	for _, p := range tasks {
		if b, err := os.ReadFile(p); err == nil && (string(b) == "wait_for_partner" || string(b) == "fifo_open") {
			return true
		}
	}
	return false
}

// --json (contract): a run stopped by ctrl+c still prints one report on stdout, with exit
// code 130: the walk's without results, verify's with the row "config" saying why.
func TestInterruptJSONReport(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "naver.yaml"), []byte("version: 1\nnaver:\n  application_name: Sample Shop\n  client_id: SbxClientId0000Abc12\n  client_secret: Sbx0Secr3t\n  pc_web: {service_url: \"https://sample.com\"}\n  mobile_web: {service_url: \"https://m.sample.com\"}\n  platform: cafe24\n"), 0o600)
	setup := exec.Command(buildBinary(t), "--sandbox", "--non-interactive", "--answers", "naver.yaml", "-c", "shop.yaml", "naver")
	setup.Dir = dir
	setup.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, ".state"), "LANG=en_US.UTF-8")
	if out, err := setup.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"--sandbox", "--non-interactive", "--json", "--timeout", "60s", "--answers", "naver.yaml", "-c", "new.yaml", "naver"},
		{"verify", "--sandbox", "--json", "--timeout", "60s", "-c", "shop.yaml"},
	} {
		t.Run(args[0], func(t *testing.T) {
			var stdout bytes.Buffer
			cmd := exec.Command(buildBinary(t), args...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, ".state"), "LANG=en_US.UTF-8", "NO_COLOR=1", "SETUP_WIZARD_SANDBOX_FAULTS=naver_latency=1h")
			cmd.Stdout = &stdout
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(stderr)
			for sc.Scan() && !strings.Contains(sc.Text(), "SANDBOX faults") {
			}
			// The checks are under way (or about to be), each waiting an hour for its answer:
			// ctrl+c at any point from here must end with the report.
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			for sc.Scan() {
			}
			_ = cmd.Wait()
			if code := cmd.ProcessState.ExitCode(); code != 130 {
				t.Fatalf("exit %d, want 130; stdout:\n%s", code, stdout.String())
			}
			var rep struct {
				Config   string `json:"config"`
				Provider string `json:"provider"`
				Results  []struct {
					ID, Status, Message string
				} `json:"results"`
				ExitCode *int `json:"exit_code"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil || rep.ExitCode == nil || *rep.ExitCode != 130 {
				t.Fatalf("stdout is not one report with exit_code 130 (%v):\n%s", err, stdout.String())
			}
			if args[0] == "verify" && (rep.Config != "shop.yaml" || len(rep.Results) != 1 || rep.Results[0].Status != "error" || !strings.HasPrefix(rep.Results[0].Message, "Stopped.")) {
				t.Errorf("verify's report:\n%s", stdout.String())
			}
		})
	}
}

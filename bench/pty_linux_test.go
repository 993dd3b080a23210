//go:build linux

package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair of cols×rows: the wizard gets the terminal end, the
// benchmark reads what it draws from the other.
func openPTY(cols, rows int) (master, tty *os.File, err error) {
	// The multiplexer of the /dev/pts mounted here (in a container /dev/ptmx may belong
	// to another instance).
	ptmx := "/dev/pts/ptmx"
	if _, err := os.Stat(ptmx); err != nil {
		ptmx = "/dev/ptmx"
	}
	m, err := os.OpenFile(ptmx, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		return nil, nil, err
	}
	t, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(t.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}); err != nil {
		m.Close()
		t.Close()
		return nil, nil, err
	}
	return m, t, nil
}

// screen collects what the wizard writes to its terminal and answers the terminal's
// queries (colours, cursor position) the way a terminal would, so that nothing waits for
// a time-out.
type screen struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first time.Time
	seen  chan struct{}
	want  string
	err   error
}

func (s *screen) read(m *os.File) {
	b := make([]byte, 64<<10)
	for {
		n, err := m.Read(b)
		if n > 0 {
			chunk := b[:n]
			s.mu.Lock()
			s.buf.Write(chunk)
			found := s.first.IsZero() && strings.Contains(s.buf.String(), s.want)
			if found {
				s.first = time.Now()
			}
			s.mu.Unlock()
			if found {
				close(s.seen)
			}
			answerQueries(m, chunk)
		}
		if err != nil {
			s.mu.Lock()
			s.err = err
			s.mu.Unlock()
			return
		}
	}
}

// answerQueries replies to background colour (OSC 11), cursor position (DSR 6) and
// device attributes (DA1) queries.
func answerQueries(m *os.File, chunk []byte) {
	s := string(chunk)
	if strings.Contains(s, "\x1b]11;?") {
		m.WriteString("\x1b]11;rgb:0000/0000/0000\x07")
	}
	if strings.Contains(s, "\x1b[6n") {
		m.WriteString("\x1b[1;1R")
	}
	if strings.Contains(s, "\x1b[c") {
		m.WriteString("\x1b[?62;22c")
	}
}

// BenchmarkInteractive starts the real wizard under a pseudo-terminal (no tmux, no shell in
// between): "first-frame-ms" is from exec until the first step is on the screen (budget
// 50 ms); then it walks a few steps, leaves with ctrl+c, and "peak-MB" is the wizard
// process's own high-water mark (VmHWM, from its rusage; budget 40 MB).
func BenchmarkInteractive(b *testing.B) {
	bin := binary(b)
	var first time.Duration
	var peak int64
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		m, tty, err := openPTY(120, 40)
		if err != nil {
			b.Skipf("no pseudo-terminal here: %v", err)
		}
		cmd := exec.Command(bin, "--sandbox", "--fresh", "--no-browser", "--platform", "generic", "-c", filepath.Join(dir, "out.yaml"), "line", "--flow", "new")
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "TERM=xterm-256color", "LANG=en_US.UTF-8")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
		s := &screen{seen: make(chan struct{}), want: "Step 1 of"}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		tty.Close()
		go s.read(m)
		select {
		case <-s.seen:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			s.mu.Lock()
			defer s.mu.Unlock()
			b.Fatalf("no first step on the screen after 10 s (%v, %v):\n%q", s.err, cmd.ProcessState, s.buf.String())
		}
		first += s.first.Sub(start)
		// Walk a few steps so that forms, styles and the sidebar have all been built.
		for k := 0; k < 6; k++ {
			m.WriteString("\r")
			time.Sleep(150 * time.Millisecond)
		}
		m.WriteString("\x03")
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		m.Close()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss) // kilobytes on Linux
		}
	}
	b.ReportMetric(float64(first.Microseconds())/float64(b.N)/1000, "first-frame-ms")
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}

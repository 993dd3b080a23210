package main

import (
	"bufio"
	"io"
	"os"
)

// safeStderr runs f with os.Stderr read through the run's redaction. Bubble Tea prints a
// panic it caught (the value and the stack) straight to os.Stderr, outside every writer
// the program hands out; a value quoting a secret would reach the terminal as it is.
func (a *App) safeStderr(f func() error) error {
	real := os.Stderr
	r, w, err := os.Pipe()
	if err != nil {
		return f()
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			// Bubble Tea ends lines with \r\n in case the terminal is still raw.
			_, _ = io.WriteString(real, a.Secrets.Text(sc.Text())+"\r\n")
		}
		_, _ = io.Copy(io.Discard, r) // a line too long to scan is dropped, not shown
	}()
	os.Stderr = w
	defer func() {
		os.Stderr = real
		w.Close()
		<-done
		r.Close()
	}()
	return f()
}

//go:build unix

package config

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// A -c path that is not a regular file is refused at once: a FIFO without a writer used
// to block open(2) forever, deaf to ctrl+c; a device or a directory is no config file.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	sock := filepath.Join(dir, "sock.yaml")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	}
	for _, p := range []string{fifo, os.DevNull, dir, sock} {
		done := make(chan error, 1)
		go func() { _, err := Load(p); done <- err }()
		err := <-done // a FIFO that blocked would hang here, and the test time out
		var le *LoadError
		if !errors.As(err, &le) || !le.NotRegular || le.Path != p {
			t.Errorf("%s: want a LoadError for a file that is not regular, got %v", p, err)
			continue
		}
		if !strings.Contains(le.Message("en"), "regular files") || !strings.Contains(le.Message("ja"), "通常のファイル") {
			t.Errorf("%s: %q / %q", p, le.Message("en"), le.Message("ja"))
		}
	}
	if _, err := Load(filepath.Join(dir, "absent.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
}

// /dev/zero as --answers or as a secret file ran the process out of memory.
func TestReadingIsCapped(t *testing.T) {
	_, err := LoadAnswers("/dev/zero")
	var le *LoadError
	if !errors.As(err, &le) || !strings.Contains(le.Message("en"), "larger than 2 MiB") || !strings.Contains(le.Message("ja"), "2 MiB") {
		t.Errorf("answers /dev/zero: %v", err)
	}
	if _, err := ReadSecretFile("/dev/zero"); !errors.As(err, &le) || !strings.Contains(err.Error(), "larger than 64 KiB") {
		t.Errorf("secret /dev/zero: %v", err)
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, []byte("version: 1\nline:\n  account_name: "+strings.Repeat("x", MaxFileSize)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, load := range []func(string) (*Config, error){Load, LoadAnswers} {
		if _, err := load(big); !errors.As(err, &le) || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("big file: %v", err)
		}
	}
}

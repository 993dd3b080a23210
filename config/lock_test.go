package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func lineValues(name string) *Config {
	c, _ := FromValues(map[string]string{"line.flow": "new", "line.account_name": name})
	return c
}

func naverValues(name string) *Config {
	c, _ := FromValues(map[string]string{"naver.application_name": name})
	return c
}

// Three runs save one file at the same time, each its own part: line, naver and verify's
// results. Before the lock and the merge from disk, the last rename won and the others'
// sections were gone (both runs exiting 0).
func TestConcurrentUpdatesKeepEverySection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.yaml")
	for round := 0; round < 30; round++ {
		os.Remove(path)
		var wg sync.WaitGroup
		errs := make(chan error, 3)
		start := make(chan struct{})
		for _, w := range []func(c *Config, existed bool) error{
			func(c *Config, _ bool) error { c.LINE = lineValues(fmt.Sprint("L", round)).LINE; return nil },
			func(c *Config, _ bool) error { c.NAVER = naverValues(fmt.Sprint("N", round)).NAVER; return nil },
			func(c *Config, _ bool) error {
				c.Verification = &Verification{At: time.Unix(0, 0).UTC(), Results: []Result{{ID: "line.token", Status: "pass"}}}
				return nil
			},
		} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs <- Update(path, w)
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if c.Get("line.account_name") != fmt.Sprint("L", round) || c.Get("naver.application_name") != fmt.Sprint("N", round) || c.Verification == nil {
			t.Fatalf("round %d lost a section:\n%v", round, c.Values())
		}
	}
}

// While one run holds the lock between reading and writing, another cannot save: it
// waits, then reads what the first wrote.
func TestUpdateWaitsForTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.yaml")
	inside, release, secondDone := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	firstDone := make(chan error, 1)
	go func() {
		firstDone <- Update(path, func(c *Config, _ bool) error {
			close(inside)
			<-release
			c.LINE = lineValues("first").LINE
			return nil
		})
	}()
	<-inside
	go func() {
		secondDone <- Update(path, func(c *Config, existed bool) error {
			if !existed || c.LINE == nil {
				return errors.New("the second writer did not see the first one's file")
			}
			c.NAVER = naverValues("second").NAVER
			return nil
		})
	}()
	select {
	case err := <-secondDone:
		t.Fatalf("the second writer saved while the first held the lock: %v", err)
	case <-time.After(200 * time.Millisecond): // time for a broken lock to show; not a speed check
	}
	close(release)
	if err := <-firstDone; err != nil {
		t.Fatal(err)
	}
	if err := <-secondDone; err != nil {
		t.Fatal(err)
	}
	c, _ := Load(path)
	if c.Get("line.account_name") != "first" || c.Get("naver.application_name") != "second" {
		t.Errorf("lost a section: %v", c.Values())
	}
}

func TestLockGivesUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.yaml")
	unlock, err := Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	old := LockWait
	LockWait = 0
	defer func() { LockWait = old }()
	err = Update(path, func(*Config, bool) error { return nil })
	var le *LockError
	if !errors.As(err, &le) || !strings.Contains(le.Message("en"), "another setup-wizard") || !strings.Contains(le.Message("ja"), "別のsetup-wizard") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was written without the lock")
	}
}

// A file that cannot be read at save time is never replaced.
func TestUpdateKeepsAnUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.yaml")
	bad := "version: 1\nlien: x\n"
	os.WriteFile(path, []byte(bad), 0o600)
	err := Update(path, func(c *Config, _ bool) error { c.LINE = lineValues("x").LINE; return nil })
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != bad {
		t.Errorf("the file changed: %q", b)
	}
}

// Temp files a killed run left (each holds every secret) are removed by the next save;
// other files are not touched.
func TestUpdateRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.yaml")
	gone := []string{".shop.yaml.tmp-setup-wizard-123456", ".shop.yaml.tmp-987654321", ".shop.yaml.bak.tmp-setup-wizard-42"}
	kept := []string{".shop.yaml.tmp-notes", ".other.yaml.tmp-setup-wizard-1", "shop.yaml.tmp-setup-wizard-1"}
	for _, n := range append(gone, kept...) {
		os.WriteFile(filepath.Join(dir, n), []byte("secret"), 0o600)
	}
	if err := Update(path, func(c *Config, _ bool) error { c.LINE = lineValues("x").LINE; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, n := range gone {
		if _, err := os.Stat(filepath.Join(dir, n)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("leftover %s not removed", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s removed: %v", n, err)
		}
	}
}

// A save that fails half-way removes its temp file.
func TestWriteAtomicFailureLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.yaml")
	os.MkdirAll(filepath.Join(path, "in-the-way"), 0o700) // rename onto a full directory fails
	if err := WriteAtomic(path, []byte("version: 1\n"), false); err == nil {
		t.Fatal("the write should fail")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left: %s", e.Name())
		}
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	if err := CheckWritable(filepath.Join(dir, "shop.yaml")); err != nil {
		t.Errorf("absent file in a writable directory: %v", err)
	}
	if err := CheckWritable(filepath.Join(dir, "new", "deeper", "shop.yaml")); err != nil {
		t.Errorf("absent directories under a writable one: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the check created directories")
	}
	file := filepath.Join(dir, "plain")
	os.WriteFile(file, nil, 0o600)
	var le *LoadError
	if err := CheckWritable(filepath.Join(file, "shop.yaml")); !errors.As(err, &le) || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("parent is a file: %v", err)
	}
	if err := CheckWritable(dir); !errors.As(err, &le) || !le.NotRegular {
		t.Errorf("a directory as the file: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("probe left behind: %s", e.Name())
		}
	}
	// An unwritable directory: as root only a read-only file system refuses.
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o500)
	if os.Geteuid() == 0 {
		ro = "/sys"
		if runtime.GOOS != "linux" || os.WriteFile("/sys/setup-wizard-probe", nil, 0o600) == nil {
			t.Skip("no read-only directory to try")
		}
	}
	err := CheckWritable(filepath.Join(ro, "shop.yaml"))
	if !errors.As(err, &le) || !strings.Contains(le.Message("en"), "Nothing was checked") || !strings.Contains(le.Message("ja"), "書き込めません") {
		t.Errorf("read-only directory: %v", err)
	}
}

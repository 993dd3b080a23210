package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LockWait is how long a save waits for another setup-wizard writing the same file.
var LockWait = 30 * time.Second

// Lock takes the advisory lock of the config file at path: FILE.lock beside it, held by an
// open file (flock on Unix, LockFileEx on Windows), so the system lets go of it if the
// process dies. The lock file stays: removing it would let two writers lock two files.
// unlock releases it.
func Lock(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", name, err)
	}
	deadline := time.Now().Add(LockWait)
	for {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if ok {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, &LockError{Path: path}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// LockError says another run holds the file's lock for longer than LockWait.
type LockError struct{ Path string }

func (e *LockError) Error() string { return e.Message("en") }

// Message is the error in lang ("ja" or "en").
func (e *LockError) Message(lang string) string {
	if lang == "ja" {
		return fmt.Sprintf("%sは別のsetup-wizardが書き込み中です（%s.lock）。その実行が終わってからもう一度試してください。", e.Path, e.Path)
	}
	return fmt.Sprintf("%s is being written by another setup-wizard (%s.lock is held). Try again once that run has finished.", e.Path, e.Path)
}

// Update changes the config file at path under its lock: what is on disk now is read,
// change alters it (existed is false when there is no file yet) and it is written back
// atomically, the old file kept as .bak. So two runs saving different sections of one
// file (line and naver, or verify's results) never lose each other's work. Temp files a
// killed run left behind are removed first.
func Update(path string, change func(c *Config, existed bool) error) error {
	unlock, err := Lock(path)
	if err != nil {
		return err
	}
	defer unlock()
	if haveLock {
		removeLeftovers(path)
	}
	c, err := Load(path)
	existed := err == nil
	if errors.Is(err, fs.ErrNotExist) {
		c, err = &Config{Version: Version}, nil
	}
	if err != nil {
		return err // never replace a file that cannot be read
	}
	if err := change(c, existed); err != nil {
		return err
	}
	return Save(path, c)
}

// tempPrefix starts the name of every temp file written for path, so that a later run
// can tell its leftovers: ".shop.yaml.tmp-setup-wizard-123456".
func tempPrefix(path string) string {
	return "." + filepath.Base(path) + ".tmp-setup-wizard-"
}

// removeLeftovers deletes the temp files of path and of its .bak that a killed run left
// (they hold every secret). Only the holder of path's lock may call it; names of older
// versions (".shop.yaml.tmp-123456") are recognised too.
func removeLeftovers(path string) {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		for _, p := range []string{path, path + ".bak"} {
			if isLeftover(e.Name(), filepath.Base(p)) && e.Type().IsRegular() {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
}

func isLeftover(name, base string) bool {
	if strings.HasPrefix(name, "."+base+".tmp-setup-wizard-") {
		return true
	}
	rest, ok := strings.CutPrefix(name, "."+base+".tmp-")
	if !ok || rest == "" {
		return false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

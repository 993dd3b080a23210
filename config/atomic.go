package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteAtomic writes data to path so that a reader sees either the old file or the whole
// new one, never a half-written file: a temp file beside it, mode 0600, fsync, rename.
// With backup, an existing file is first kept as path.bak.
func WriteAtomic(path string, data []byte, backup bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if backup {
		if old, err := os.ReadFile(path); err == nil {
			if err := writeBackup(path+".bak", old); err != nil {
				return err
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename itself durable; not every filesystem supports it
		d.Close()
	}
	return nil
}

func writeBackup(path string, data []byte) error {
	return WriteAtomic(path, data, false)
}

package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteAtomic writes data to path so that a reader sees either the old file or the whole
// new one, never a half-written file: a temp file beside it, mode 0600, fsync, rename.
// With backup, an existing file is first kept as path.bak. The temp file is named by
// tempPrefix and removed on every error; one left by a killed process is removed by the
// next Update of path.
func WriteAtomic(path string, data []byte, backup bool) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename; on SIGINT/SIGTERM the save finishes first
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

// CheckWritable tells, before any live check runs, whether the config file at path can be
// written: it is a regular file or absent, and its directory (or the nearest parent that
// exists, under which WriteAtomic creates the rest) takes a new file. A run that would
// find out only at the end has already set the webhook and spent a rate-limited test event.
func CheckWritable(path string) error {
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return kindError(path, fi.Mode())
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return openError(path, err)
	}
	dir := filepath.Dir(path)
	for {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return &LoadError{Path: path,
					Msg:   fmt.Sprintf("cannot be written: %s is not a directory. Choose another place with -c.", dir),
					MsgJA: fmt.Sprintf("書き込めません：%sはディレクトリではありません。-cで別の場所を指定してください。", dir)}
			}
			break
		}
		parent := filepath.Dir(dir)
		if !errors.Is(err, fs.ErrNotExist) || parent == dir {
			return openError(dir, err)
		}
		dir = parent
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*")
	if err != nil {
		return &LoadError{Path: path, Err: err,
			Msg:   fmt.Sprintf("cannot be written: the directory %s does not take new files (%v). Nothing was checked or changed yet. Choose a writable place with -c, or fix the directory's permissions.", dir, errText(err)),
			MsgJA: fmt.Sprintf("書き込めません：ディレクトリ%sに新しいファイルを作れません（%v）。まだ何も確認・変更していません。-cで書き込める場所を指定するか、ディレクトリの権限を直してください。", dir, errText(err))}
	}
	tmp.Close()
	// A run saving this file meanwhile may have removed the probe as a leftover already.
	if err := os.Remove(tmp.Name()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

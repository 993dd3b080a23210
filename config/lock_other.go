//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package config

import "os"

// Elsewhere (Solaris, AIX, Plan 9, wasm) there is no flock: saves are not serialised, but
// Update still merges from what is on disk at save time, so the window is the write itself.
// haveLock is false: without a lock, removing "leftovers" could remove a running save.
const haveLock = false

func tryLock(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) {}

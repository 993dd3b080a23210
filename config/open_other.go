//go:build !unix

package config

import "os"

// openNoBlock opens path for reading; outside Unix there is no FIFO to block on.
func openNoBlock(path string) (*os.File, error) {
	return os.Open(path)
}

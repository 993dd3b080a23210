//go:build unix

package config

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without waiting for a writer, should it be a FIFO
// after all (swapped in after the Stat): open(2) on a FIFO blocks, deaf to ctrl+c.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

package wizard

import (
	"errors"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Exit codes (contract, DESIGN.md).
const (
	ExitOK          = 0
	ExitError       = 1
	ExitUsage       = 2 // usage or invalid input
	ExitCheckFailed = 3 // a live check failed
	ExitUnreachable = 4 // an API could not be reached or could not tell
	ExitInterrupted = 130
)

// ErrInterrupted is returned by a front end when the operator pressed ctrl+c; the draft
// has been saved.
var ErrInterrupted = errors.New("interrupted")

// ErrBackToStart is returned by a front end when the operator went back from the first
// step of a walk a question chose (Session.BackToStart); the draft has been saved.
var ErrBackToStart = errors.New("back to the first question")

// InvalidError carries every problem found in the given values; it maps to exit 2.
type InvalidError struct {
	Problems []steps.Problem
}

func (e *InvalidError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].Message(steps.EN)
	}
	return "invalid values"
}

// ExitError asks the command to exit with Code after Err was reported to the user.
type ExitCodeError struct {
	Code int
	Err  error
}

func (e *ExitCodeError) Error() string { return e.Err.Error() }
func (e *ExitCodeError) Unwrap() error { return e.Err }

package verify_test

import (
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// The front ends run checks through wizard.Checker; a *Suite must be one.
var _ wizard.Checker = (*verify.Suite)(nil)

package plain

import "github.com/setup-wizard/setup-wizard/steps"

// ProblemLine is one problem as the non-interactive mode prints it: the config key, its
// label, the rule and the fix; commands that check a file (verify) print the same.
func ProblemLine(l steps.Lang, p steps.Problem) string { return problemLine(l, p) }

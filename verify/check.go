// Package verify runs live checks: each declares what it needs, the runner starts every
// check whose needs are met at once, retries what may pass on a second try, and reports.
package verify

import (
	"context"
	"net/http"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Status is the outcome of one check.
type Status string

const (
	Pass    Status = "pass"
	Warn    Status = "warn"
	Fail    Status = "fail"
	Skipped Status = "skipped"
	Error   Status = "error" // could not tell: the API could not be reached or answered oddly
)

// Result is what one check found.
type Result struct {
	ID      string
	Status  Status
	Message steps.Text // what is wrong and what to do, in both languages
	Step    string     // id of the step to go back to, when the fix is there
	Detail  string     // for support: status codes, API error names; never a secret
	// Learnt holds values the check found out, keyed by config key
	// (line.token learns "line.messaging_api.channel_id").
	Learnt map[string]string
	// Confirm, when set, is how a person can settle what the API could not tell (the
	// result is then a warning); see Confirmation.
	Confirm  *Confirmation
	Attempts int
	Duration time.Duration
}

// BaseURLs are the API roots; tests and --sandbox point them at the emulator.
type BaseURLs struct {
	LineAPI      string // SETUP_WIZARD_LINE_API_URL, https://api.line.me
	LineAccess   string // SETUP_WIZARD_LINE_ACCESS_URL, https://access.line.me
	NaverNID     string // SETUP_WIZARD_NAVER_NID_URL, https://nid.naver.com
	NaverOpenAPI string // SETUP_WIZARD_NAVER_OPENAPI_URL, https://openapi.naver.com
	// LinEE is where lin.ee short links are resolved (https://lin.ee); only tests and
	// --sandbox change it.
	LinEE string
}

// Env is what a check runs with.
type Env struct {
	// Answers are the values to check. The runner adds the Learnt values of every check
	// that finished before this one started, so a check sees what its needs found out.
	Answers steps.Answers
	HTTP    *http.Client
	URLs    BaseURLs
	// SetWebhook is the operator's consent (or --set-webhook) to write the webhook URL
	// through the API.
	SetWebhook bool
	// Progress reports a long wait (the webhook cache countdown); may be nil.
	Progress func(id string, msg steps.Text)
	// Now and Sleep are the clock; nil means the real one.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Check is one live check, declared once and run by the Runner.
type Check struct {
	ID    string   // contract: see DESIGN.md
	Needs []string // checks that must pass (or warn) first; otherwise this one is skipped
	Step  string   // step to revisit when it fails, unless the result names another
	// Reads are the answer keys the check sends to the API: a change to one makes its
	// last result stale, and a failure marks those typed on the step it sends to as wrong.
	Reads []string
	// Applies reports whether the answers hold what the check is about; when false the
	// check is left out altogether (no NAVER section, no webhook consent…).
	Applies func(a steps.Answers) bool
	Run     func(ctx context.Context, env *Env) Result
	// Timeout overrides the runner's per-check timeout (the webhook check waits up to a
	// minute for LINE's cache); 0 keeps the runner's.
	Timeout time.Duration
	// TimeoutWhen, when set, limits Timeout to the answers it holds for (the webhook check
	// waits for LINE's cache only after this run wrote the URL); otherwise the runner's
	// per-check timeout (--timeout) applies.
	TimeoutWhen func(a steps.Answers) bool
	// Once marks a check whose API allows few calls (webhook test: 60 an hour): within
	// one run of the program it is made at most once for the same inputs, and later runs
	// get the first result again (a pass or a warning; a failure or error runs again).
	Once bool
}

// EventKind tells what an Event reports.
type EventKind int

const (
	Started  EventKind = iota // the check began (after its needs finished)
	Progress                  // a long wait moved on; Message says where it stands
	Finished                  // Result is final
)

// Event is what the runner reports while checks run, for a spinner or a countdown.
type Event struct {
	ID      string
	Kind    EventKind
	Message steps.Text // with Progress
	Result  Result     // with Finished
}

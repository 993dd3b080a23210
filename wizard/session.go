package wizard

import (
	"context"

	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Checker runs live checks for a front end.
type Checker interface {
	// Run starts the checks named by ids, and every check they need, on the answers a;
	// it sends each event to emit as it happens (from any goroutine) and returns the
	// results once all are done or ctx is cancelled.
	Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result
}

// Session is everything a front end needs besides the engine. The command wires it; a
// test fills in fakes.
type Session struct {
	Engine *Engine
	Lang   steps.Lang
	// Checker runs the live checks; nil when they are off.
	Checker Checker
	// Save writes the config file from the answers, with the latest check results in its
	// verification section (nil: keep what the file had), and returns the path written.
	Save func(a steps.Answers, results []verify.Result) (string, error)
	// Pending is a draft of this flow found at start; the front end offers to resume it
	// (wizard.Resume) or to start over (Draft.Delete). nil when there is none or --fresh.
	Pending *Draft
	// Draft keeps the answers and the position, so that a walk can be resumed; nil when
	// drafts are off.
	Draft *DraftFile
	// OpenURL opens a console page in a browser. nil (--no-browser, SSH, no display)
	// means the URL is shown for copying instead; an error means the same.
	OpenURL func(url string) error
	// Clipboard puts text on the desktop's own clipboard; nil when there is none here (an
	// SSH session, no display): the front end then sends it to the terminal (OSC 52).
	Clipboard func(ctx context.Context, text string) error
	// Sandbox is true with --sandbox: a banner says nothing leaves the machine.
	Sandbox bool
	// ConfigPath is where Save writes, to show on the final screen.
	ConfigPath string
	// Fixed is told that the operator says they fixed step id in the console (confirmed
	// it, or asked to check again there). The sandbox changes its emulated account as
	// LINE's would; nil elsewhere.
	Fixed func(stepID string)
	// BackToStart is true when a question chose this walk: back from its first step
	// ends the walk with ErrBackToStart, so that the question is asked again.
	BackToStart bool
	// Redact knows every secret of the run (the command's, shared with the checks); the
	// front ends draw text through Safe, SafeLine and Shown. nil means a Set of its own.
	Redact *redact.Set
	// VerifyCommand is the command line that checks the written file again, as the
	// operator can type it ("setup-wizard --sandbox verify -c shop.yaml"); the final
	// screen names it. Empty: "setup-wizard verify -c ConfigPath".
	VerifyCommand string
}

// Ledger is what the walk knows of its live checks, told how the session's checks are
// declared.
func (s *Session) Ledger() *Ledger {
	l := s.Engine.Ledger()
	if d, ok := s.Checker.(Declarations); ok && l.decl == nil {
		l.Declare(d)
	}
	return l
}

// NextCommand is the command the final screen tells the operator to run later.
func (s *Session) NextCommand(path string) string {
	if s.VerifyCommand != "" {
		return s.VerifyCommand
	}
	return "setup-wizard verify -c " + path
}

// SaveDraft stores the engine's answers and position; a session without a draft file
// does nothing. Errors are returned for the front end to mention, never fatal.
func (s *Session) SaveDraft() error {
	if s.Draft == nil {
		return nil
	}
	step := ""
	if cur := s.Engine.Current(); cur != nil {
		step = cur.ID
	}
	return s.Draft.Save(Draft{Flow: s.Engine.Flow().ID, Step: step, Answers: s.Engine.Raw(), Retype: s.Engine.Retype(), Config: s.ConfigPath, Sandbox: s.Sandbox})
}

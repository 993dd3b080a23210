package verify

import (
	"github.com/setup-wizard/setup-wizard/steps"
)

// Confirmation is what a person can settle where the API cannot: open URL (in a browser
// where they are signed in), look, and pick the answer that matches what they saw. A check
// whose answer says "cannot tell" attaches one to its warning; a front end may ask it and
// record the chosen answer with Confirmed. Front ends that cannot ask keep the warning.
// A failure the operator reported earlier carries the question again, so that after a fix
// in the console they can look again.
type Confirmation struct {
	URL      string     // to open; never carries a secret
	Question steps.Text // what to look at and what to say
	Answers  []ConfirmAnswer
}

// ConfirmAnswer is one thing the operator may have seen, and the verdict it gives.
type ConfirmAnswer struct {
	Label   steps.Text // what the operator saw, as a choice
	Status  Status     // Pass or Fail
	Message steps.Text // the result's new message
	Step    string     // the step to revisit (with Fail)
	// Learnt are answer keys to set when this answer is chosen, so that a later run of
	// the check knows what the operator confirmed (an empty value forgets it).
	Learnt map[string]string
}

// ConfirmedDetail starts the detail of a result settled by the operator, so support can
// tell it from one the API gave.
const ConfirmedDetail = "confirmed by operator"

// Confirmed is r settled by the operator's answer i: its status, message and step, the
// detail marked ConfirmedDetail, and no question left. An i out of range returns r.
func (r Result) Confirmed(i int) Result {
	if r.Confirm == nil || i < 0 || i >= len(r.Confirm.Answers) {
		return r
	}
	a := r.Confirm.Answers[i]
	out := r
	out.Status, out.Message, out.Step = a.Status, a.Message, a.Step
	out.Detail = ConfirmedDetail + ": " + a.Label.EN
	if r.Detail != "" {
		out.Detail += "; " + r.Detail
	}
	out.Learnt = map[string]string{}
	for k, v := range r.Learnt {
		out.Learnt[k] = v
	}
	for k, v := range a.Learnt {
		out.Learnt[k] = v
	}
	out.Confirm = nil
	return out
}

package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// The operator's confirmation of what an API cannot tell (verify.Confirmation): when a
// check's result carries one, the screen offers to open its URL and asks what the operator
// saw; the answer is recorded in the ledger as the check's result ("confirmed by
// operator"). A "no" answer sends the walk back to the step the answer names.
//
// Hooks elsewhere: model.cf, offerConfirm after every run, confirmKey before the phase's
// keys, confirmPane instead of the body.

var (
	txtConfirmTitle = steps.T("Only you can tell: %s", "あなたにしか確かめられません：%s")
	txtConfirmOpen  = steps.T("Address to open", "開くアドレス")
	txtConfirmKeys  = steps.T("↑/↓ or 1–%d choose • enter answer • o open the address • c copy it • esc not now (the result stays)",
		"↑/↓ か1〜%dで選ぶ • enter回答 • oアドレスを開く • cコピー • esc今はしない（結果はそのまま）")
	txtConfirmHelp  = steps.T("↑/↓ choose • enter answer • o open • c copy • esc not now", "↑/↓ 選ぶ • enter回答 • o開く • cコピー • esc今はしない")
	txtConfirmLater = steps.T("Not confirmed now: %s keeps its result.", "今は確認しません：%sの結果はそのままです。")
	txtConfirmDone  = steps.T("Recorded what you saw for %s.", "%sについてあなたが見た内容を記録しました。")
)

// confirmState is what the screen knows of the operator's confirmations.
type confirmState struct {
	ask       *confirmAsk
	answered  map[string]int  // by confirmKeyOf: the answer given
	dismissed map[string]bool // by confirmKeyOf: left for now (esc)
}

// confirmAsk is the question on screen.
type confirmAsk struct {
	res    verify.Result // the result being settled, with its Confirm
	origin string        // the step its run came from
	sel    int
}

// confirmKeyOf names one question: the check and the URL it asks about.
func confirmKeyOf(r verify.Result) string { return r.ID + "\x00" + r.Confirm.URL }

// offerConfirm looks, after a run of kind, for a result the operator can settle and puts
// its question on screen. An answer given before applies again to the final run (which
// started before the answer); any other run asks again, since the operator may have fixed
// something in the console meanwhile.
func (m *model) offerConfirm(kind runKind) {
	if m.phase == phaseResume || m.s.Checker == nil {
		return
	}
	for _, en := range m.ledger().Entries() {
		r := en.Result
		if r == nil || r.Confirm == nil || len(r.Confirm.Answers) == 0 {
			continue
		}
		k := confirmKeyOf(*r)
		if i, ok := m.cf.answered[k]; ok && kind == runFinal {
			m.ledger().Record(r.Confirmed(i), en.Origin)
			if m.phase == phaseFinal && m.finalDone {
				m.finish() // save the file with the answer, not the stale result
			}
			continue
		}
		if m.cf.ask == nil || m.cf.ask.res.ID != r.ID {
			if m.cf.dismissed[k] && kind == runFinal {
				continue
			}
			m.cf.ask = &confirmAsk{res: *r, origin: en.Origin}
		} else {
			m.cf.ask.res = *r
		}
	}
}

// confirmKey handles a key while the question is on screen.
func (m *model) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	a := m.cf.ask
	n := len(a.res.Confirm.Answers)
	k := msg.String()
	switch {
	case k == "up" || k == "k":
		a.sel = (a.sel + n - 1) % n
	case k == "down" || k == "j" || k == "tab":
		a.sel = (a.sel + 1) % n
	case len(k) == 1 && k[0] >= '1' && k[0] <= '9':
		if i, _ := strconv.Atoi(k); i <= n {
			a.sel = i - 1
		}
	case k == "o" || k == "ctrl+o":
		return m.open(a.res.Confirm.URL)
	case k == "c" || k == "ctrl+y":
		return m.copyValue(a.res.Confirm.URL, a.res.Confirm.URL)
	case k == "esc":
		if m.cf.dismissed == nil {
			m.cf.dismissed = map[string]bool{}
		}
		m.cf.dismissed[confirmKeyOf(a.res)] = true
		m.note = tf(txtConfirmLater, m.lang, a.res.ID)
		m.cf.ask = nil
	case k == "enter":
		return m.answerConfirm(a.sel)
	}
	return nil
}

// answerConfirm records answer i as the check's result; a failure sends the walk to the
// step it names, as g would.
func (m *model) answerConfirm(i int) tea.Cmd {
	a := m.cf.ask
	m.cf.ask = nil
	r := a.res.Confirmed(i)
	if m.cf.answered == nil {
		m.cf.answered = map[string]int{}
	}
	m.cf.answered[confirmKeyOf(a.res)] = i
	m.ledger().Record(r, a.origin)
	m.note = tf(txtConfirmDone, m.lang, r.ID)
	if m.headline != nil && m.headline.ID == r.ID {
		m.headline = &r // the status line names the answer, not the result it replaced
	}
	if r.Status == verify.Fail && !(m.phase == phaseFinal && !m.finalDone) {
		// Back to the step this answer names (not the first problem of the walk). While
		// the final checks still run, the final screen lists it with g instead: leaving
		// now would let that run end the walk behind the operator's back.
		for _, p := range m.ledger().Problems() {
			if p.Result.ID == r.ID && p.Step != nil {
				return m.jump(&p)
			}
		}
	}
	switch {
	case m.phase == phaseStop && len(m.ledger().Problems()) == 0:
		m.phase = phaseStep
	case m.phase == phaseFinal && m.finalDone:
		m.finish() // the file records the answer
	}
	return nil
}

// confirmHelp is the footer's key line while the question is on screen.
func (m *model) confirmHelp() string {
	return m.st.Muted.Render(txtConfirmHelp.In(m.lang))
}

// confirmPane draws the question: what the check says, the address, the answers.
func (m *model) confirmPane(w int) string {
	a := m.cf.ask
	l := m.lang
	c := a.res.Confirm
	out := []string{
		m.st.StepTitle.Render(steps.Clean(fmt.Sprintf(txtConfirmTitle.In(l), a.res.ID))),
		"",
		m.wrap(steps.Clean(a.res.Message.In(l)), w),
		"",
		m.st.Muted.Render(txtConfirmOpen.In(l)),
		m.wrap(steps.Clean(c.URL), w),
		"",
		m.wrap(steps.Clean(c.Question.In(l)), w),
	}
	for i, ans := range c.Answers {
		line := fmt.Sprintf("%d) %s", i+1, steps.Clean(ans.Label.In(l)))
		if i == a.sel {
			out = append(out, m.st.StepTitle.Render(m.hang("▸ ", line, w)))
		} else {
			out = append(out, m.hang("  ", line, w))
		}
	}
	out = append(out, "", m.st.Muted.Render(m.wrap(tf(txtConfirmKeys, l, len(c.Answers)), w)))
	if m.shownURL == c.URL {
		out = append(out, m.wrap(txtNoBrowser.In(l), w))
	}
	return strings.Join(out, "\n")
}

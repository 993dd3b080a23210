package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
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
	txtConfirmTitle     = steps.T("Only you can tell: %s", "あなたにしか確かめられません：%s")
	txtConfirmOpen      = steps.T("Address to open", "開くアドレス")
	txtConfirmKeyChoose = steps.T("choose", "選ぶ")
	txtConfirmKeyAnswer = steps.T("answer", "回答")
	txtConfirmKeyOpen   = steps.T("open", "開く")
	txtConfirmKeyLater  = steps.T("not now", "今はしない")
	txtConfirmMore      = steps.T("… pgdn: read on", "… pgdnで続きを読む")
	txtConfirmTop       = steps.T("… pgup: back to the start", "… pgupで最初へ")
	txtConfirmReading   = steps.T("… pgdn/pgup · other keys: the answers", "… pgdn/pgup・他のキーで回答へ")
	txtConfirmReadEnd   = steps.T("(end) pgup · other keys: the answers", "（ここまで）pgup・他のキーで回答へ")
	txtConfirmLater     = steps.T("Not confirmed now: %s keeps its result.", "今は確認しません：%sの結果はそのままです。")
	txtConfirmDone      = steps.T("Recorded what you saw for %s.", "%sについてあなたが見た内容を記録しました。")
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
	scroll int  // the first line of the explanation on screen
	more   bool // the explanation is taller than its room: pgup/pgdn scroll it
	page   int  // the explanation's lines on screen
	tiny   bool // the explanation has less than 5 lines beside the answers
	// reading: on a tiny screen, pgdn shows the explanation on the whole pane; any other
	// key brings the answers back.
	reading bool
	// toAddress: scroll to the address when next drawn (it could not be opened).
	toAddress bool
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
	if a.reading && k != "pgdown" && k != "pgup" {
		a.reading = false // back to the answers; the key does nothing else
		return nil
	}
	switch {
	case k == "pgdown" && a.more && a.tiny && !a.reading:
		a.reading = true
	case k == "pgup" && a.reading && a.scroll == 0:
		a.reading = false
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
	case k == "pgdown":
		a.scroll += max(a.page, 1)
	case k == "pgup":
		a.scroll = max(a.scroll-max(a.page, 1), 0)
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

// confirmHelp is the footer's key line while the question is on screen: the panel's
// keys only (not those of the screen behind it), the most needed first, fitted to the
// width.
func (m *model) confirmHelp() string {
	l := m.lang
	n := len(m.cf.ask.res.Confirm.Answers)
	bs := []key.Binding{
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp(fmt.Sprintf("↑↓/1–%d", n), txtConfirmKeyChoose.In(l))),
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", txtConfirmKeyAnswer.In(l))),
		key.NewBinding(key.WithKeys("o"), key.WithHelp("o", txtConfirmKeyOpen.In(l))),
		key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", txtConfirmKeyLater.In(l))),
		key.NewBinding(key.WithKeys("c"), key.WithHelp("c", txtKeyCopy.In(l))),
	}
	if m.cf.ask.more {
		bs = append(bs, m.keys.Scroll)
	}
	return m.help.ShortHelpView(bs)
}

// confirmPane draws the question in h lines: the title and what the check says scroll
// (pgup/pgdn); the question and its answers stay at the bottom, always in sight. On a
// screen too short for the question too, the answers alone stay.
func (m *model) confirmPane(w, h int) string {
	a := m.cf.ask
	l := m.lang
	c := a.res.Confirm
	top := []string{
		m.st.StepTitle.Render(m.wrap(steps.Clean(fmt.Sprintf(txtConfirmTitle.In(l), a.res.ID)), w)),
		"",
		m.wrap(steps.Clean(a.res.Message.In(l)), w),
		"",
		m.st.Muted.Render(txtConfirmOpen.In(l)),
	}
	if m.shownURL == c.URL {
		top = append(top, m.wrap(txtNoBrowser.In(l), w))
	}
	top = append(top, m.wrap(steps.Clean(c.URL), w))
	var answers []string
	for i, ans := range c.Answers {
		line := fmt.Sprintf("%d) %s", i+1, steps.Clean(ans.Label.In(l)))
		if i == a.sel {
			answers = append(answers, m.st.StepTitle.Render(m.hang("▸ ", line, w)))
		} else {
			answers = append(answers, m.hang("  ", line, w))
		}
	}
	lines := func(ss []string) []string { return strings.Split(strings.Join(ss, "\n"), "\n") }
	question := lines([]string{"", m.wrap(steps.Clean(c.Question.In(l)), w)})
	low := lines(append(append([]string{}, question...), answers...))
	tl := lines(top)
	if h-len(low) < 3 {
		// Too short for the question as well: it scrolls with the explanation.
		tl = append(tl, question...)
		low = lines(answers)
	}
	if len(low) > h-1 {
		low = low[max(len(low)-(h-1), 0):]
	}
	room := h - len(low)
	a.more = len(tl) > room
	a.tiny = room < 5
	if a.toAddress {
		a.toAddress = false
		a.scroll = len(lines(top[:4])) // title, message: the address comes next
		a.reading = a.more && a.tiny
	}
	if a.reading {
		// pgdn on a tiny screen: the explanation on the whole pane.
		room, low = h, nil
	}
	if a.more {
		page := max(room-1, 1)
		a.page = page
		a.scroll = min(max(a.scroll, 0), max(len(tl)-page, 0))
		end := min(a.scroll+page, len(tl))
		hint := txtConfirmMore
		switch {
		case a.reading && end >= len(tl):
			hint = txtConfirmReadEnd
		case a.reading:
			hint = txtConfirmReading
		case end >= len(tl):
			hint = txtConfirmTop
		}
		tl = append(append([]string{}, tl[a.scroll:end]...), m.st.Muted.Render(m.wrap(hint.In(l), w)))
	} else {
		a.scroll, a.reading = 0, false
	}
	return m.fit(strings.Join(append(tl, low...), "\n"), w, h)
}

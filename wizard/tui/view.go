package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func (m *model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.eng().Flow().Title.In(m.lang)
	return v
}

// render draws the whole screen as a string: header, sidebar and pane, status, help.
func (m *model) render() string {
	header := m.header()
	h := m.bodyHeight()
	var body string
	switch {
	case m.cf.ask != nil:
		body = m.confirmPane(m.width-2, h)
	case m.phase == phaseResume:
		body = m.fit(m.resumeForm.View(), m.width-2, h)
	case m.phase == phaseFinal:
		body = m.fit(m.scrolled(m.finalPane(), h), m.width-2, h)
	default:
		var pane string
		if m.phase == phaseStop {
			pane = m.fit(m.scrolled(m.stopPane(m.paneWidth()), h), m.paneWidth(), h)
		} else {
			pane = m.pane(m.paneWidth(), h)
		}
		if m.sidebarShown() {
			side := m.sidebar(m.sidebarWidth(), h)
			div := m.st.Divider.Render(strings.TrimSuffix(strings.Repeat("│\n", h), "\n"))
			body = lipgloss.JoinHorizontal(lipgloss.Top, side, " ", div, " ", pane)
		} else {
			body = lipgloss.NewStyle().PaddingLeft(1).Render(pane)
		}
	}
	// The footer after the body: the question's keys depend on whether it scrolls.
	return header + "\n\n" + body + "\n" + m.footer()
}

// bodyHeight is what is left between the header (two lines) and the footer.
func (m *model) bodyHeight() int {
	return max(m.height-3-lipgloss.Height(m.helpLine()), 4)
}

// helpLine is the footer's key help: the question's keys while one is on screen.
func (m *model) helpLine() string {
	if m.cf.ask != nil {
		return m.confirmHelp()
	}
	return m.helpView()
}

func (m *model) header() string {
	l := m.lang
	title := m.st.Title.Render(" " + m.eng().Flow().Title.In(l))
	n, total := m.eng().Position()
	var count string
	switch {
	case m.phase == phaseFinal:
		count = txtFinished.In(l)
	case m.phase == phaseStop:
	case m.phase == phaseResume:
		// No count yet: the draft's answers decide which steps remain.
	case m.sidebarShown():
		count = tf(txtStepOf, l, n, total)
	default:
		count = tf(txtStepShort, l, n, total)
	}
	count = m.st.StepCount.Render(count + " ")
	badge := ""
	if m.s.Sandbox {
		if m.sidebarShown() {
			badge = m.st.Sandbox.Render(txtSandbox.In(l))
		} else {
			badge = m.st.Sandbox.Render(txtSandboxShort.In(l))
		}
	}
	left := title
	if badge != "" {
		left += "  " + badge
	}
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(count)
	if gap < 1 {
		// Narrow: the title gives way, the step count and the sandbox badge stay.
		if badge != "" {
			title = ansi.Truncate(title, max(m.width-lipgloss.Width(badge)-lipgloss.Width(count)-3, 1), "…")
			left = title + "  " + badge
		} else {
			left = ansi.Truncate(title, max(m.width-lipgloss.Width(count)-1, 1), "…")
		}
		gap = max(m.width-lipgloss.Width(left)-lipgloss.Width(count), 1)
		return ansi.Truncate(left+strings.Repeat(" ", gap)+count, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + count
}

func (m *model) sidebar(w, h int) string {
	var lines []string
	for i, s := range m.eng().Visible() {
		var mark string
		var st lipgloss.Style
		switch m.eng().State(s.ID) {
		case wizard.Done:
			mark, st = "✓", m.st.Done
		case wizard.Current:
			mark, st = "▸", m.st.Current
		case wizard.Failed:
			mark, st = "✗", m.st.Failed
			if m.unreachedStep(s.ID) {
				// Its checks could not tell: nothing on the step is known to be wrong.
				mark, st = m.resultMark(verify.Error)
			}
		default:
			mark, st = "·", m.st.Todo
		}
		line := ansi.Truncate(mark+" "+padNum(i+1)+" "+s.Title.In(m.lang), w, "…")
		lines = append(lines, st.Render(line))
	}
	if len(lines) > h {
		// Keep the current step in sight.
		n, _ := m.eng().Position()
		start := min(max(n-h/2, 0), len(lines)-h)
		lines = lines[start : start+h]
	}
	return lipgloss.NewStyle().Width(w).Height(h).Render(strings.Join(lines, "\n"))
}

func padNum(n int) string { return fmt.Sprintf("%2d", n) }

// hang wraps text after prefix, later lines indented under the text.
func (m *model) hang(prefix, text string, w int) string {
	pw := lipgloss.Width(prefix)
	lines := strings.Split(m.wrap(text, w-pw), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// wrap fits prose to w columns: Japanese with its line-breaking rules (wrapJA), English
// at spaces.
func (m *model) wrap(s string, w int) string {
	return wrapIn(m.lang, s, w)
}

func wrapIn(l steps.Lang, s string, w int) string {
	w = max(w, 10)
	if l == steps.JA {
		return wrapJA(s, w)
	}
	out := lipgloss.NewStyle().Width(w).Render(s)
	if lipgloss.Width(out) > w {
		// lipgloss can overrun the width next to a lone "-" ("identifier - links"):
		// break at spaces only.
		return wrapJA(s, w)
	}
	return out
}

// pane is the right side: the step's instructions on top, then what the operator does
// (fields, values to copy, warnings) and the checks. When it is too tall, the top part
// scrolls (pgup/pgdn) and the lower part stays in sight.
func (m *model) pane(w, h int) string {
	cur := m.eng().Current()
	l := m.lang
	title := m.st.StepTitle.Render(ansi.Truncate(cur.Title.In(l), w, "…"))
	var top []string
	if !cur.Warn.IsZero() {
		top = append(top, m.st.Warn.Render(m.wrap("! "+cur.Warn.In(l), w)))
	}
	if !cur.Body.IsZero() {
		top = append(top, "", m.wrap(cur.Body.In(l), w))
	}
	if len(top) > 0 && top[0] == "" {
		top = top[1:]
	}
	if len(cur.Links) > 0 {
		top = append(top, "", m.st.Label.Render(txtLinks.In(l)))
		for i, lk := range cur.Links {
			mark, st := "  ", m.st.Link
			if i == m.linkSel%len(cur.Links) {
				mark, st = "→ ", m.st.LinkSel
			}
			top = append(top, mark+st.Render(lk.Label.In(l))+"  "+m.st.Muted.Render(lk.URL))
		}
		if m.shownURL != "" {
			top = append(top, m.st.Warning.Render(m.wrap(txtNoBrowser.In(l), w)), "  "+m.st.URL.Render(m.shownURL))
		}
	}
	for _, f := range m.pasteFields() {
		top = append(top, m.pasteBlock(f, w)...)
	}

	// On a small screen what is read, not typed (values to copy, check results) scrolls
	// with the instructions, so that the fields keep the room they need.
	var low, aux []string
	if cur.Handover {
		aux = append(append(aux, ""), m.handoverView(w)...)
	}
	if m.saveErr != "" {
		aux = append(aux, "", m.st.Error.Render(m.wrap("✗ "+tf(txtSaveFailed, l, m.saveErr), w)))
	}
	if cl := m.checkLines(cur.ID, w); len(cl) > 0 && m.small() {
		aux = append(aux, "", m.st.Label.Render(txtChecksTitle.In(l)))
		aux = append(aux, cl...)
	}
	if m.small() {
		top = append(top, aux...)
	} else {
		low = append(low, aux...)
	}
	if pl := m.problemLines(w); len(pl) > 0 {
		low = append(append(low, ""), pl...)
	}
	switch {
	case m.reviewing:
		low = append(append(low, ""), m.reviewView(w)...)
	case m.form != nil:
		low = append(low, "", strings.TrimRight(m.form.View(), "\n "))
		if fe := m.fieldErrors(w); len(fe) > 0 {
			low = append(append(low, ""), fe...)
		}
		low = append(low, m.revealedValue(w)...)
	default:
		low = append(low, "", m.st.Muted.Render(txtPressEnter.In(l)))
	}
	if cl := m.checkLines(cur.ID, w); len(cl) > 0 && !m.small() {
		low = append(low, "", m.st.Label.Render(txtChecksTitle.In(l)))
		low = append(low, cl...)
	}
	if m.small() && len(low) > 0 && low[0] == "" {
		low = low[1:] // every line counts
	}
	return title + "\n" + m.stack(top, low, w, h-1)
}

// small reports a screen too short for the instructions and the fields side by side
// (below 24 lines): results scroll with the instructions, and pgdn reads them on the
// whole pane.
func (m *model) small() bool { return m.height < 24 }

// problemLines are the errors that kept the step, under their heading.
func (m *model) problemLines(w int) []string {
	if len(m.problems) == 0 || m.reviewing {
		return nil
	}
	out := []string{m.st.Error.Render(txtErrorsTitle.In(m.lang))}
	for _, p := range m.problems {
		out = append(out, m.st.Error.Render(m.wrap("✗ "+steps.Clean(p.Message(m.lang)), w)))
	}
	return out
}

// stack fits the two parts into h lines: the lower part stays, the upper part scrolls.
func (m *model) stack(top, low []string, w, h int) string {
	tl := strings.Split(strings.Join(top, "\n"), "\n")
	ll := strings.Split(strings.Join(low, "\n"), "\n")
	if m.reading {
		// pgdn on a small screen: the instructions and results on the whole pane; any
		// other key returns to the fields.
		page := max(h-1, 1)
		m.scroll = min(m.scroll, max(len(tl)-page, 0))
		end := min(m.scroll+page, len(tl))
		hint := txtReadMore.In(m.lang)
		if end >= len(tl) {
			hint = txtReadEnd.In(m.lang)
		}
		return m.fit(strings.Join(append(append([]string{}, tl[m.scroll:end]...), m.st.Muted.Render(hint)), "\n"), w, h)
	}
	if len(ll) > h {
		ll = ll[:h]
	}
	room := h - len(ll)
	if len(tl) > room {
		m.scroll = min(m.scroll, max(len(tl)-room+1, 0))
		more := m.st.Muted.Render("… pgup/pgdn")
		if room <= 1 {
			tl = []string{more}[:room]
		} else {
			end := min(m.scroll+room-1, len(tl))
			tl = append(append([]string{}, tl[m.scroll:end]...), more)
		}
	}
	return m.fit(strings.Join(append(tl, ll...), "\n"), w, h)
}

// scrolled shows the part of a whole-pane text (the stop panel, the final screen) that
// pgup/pgdn scrolled to, when it is taller than h lines.
func (m *model) scrolled(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= h {
		m.scroll = 0
		return s
	}
	page := max(h-1, 1)
	m.scroll = min(m.scroll, len(lines)-page)
	hint := m.st.Muted.Render("… pgup/pgdn")
	if m.scroll+page >= len(lines) {
		hint = m.st.Muted.Render(txtScrollEnd.In(m.lang))
	}
	return strings.Join(append(append([]string{}, lines[m.scroll:m.scroll+page]...), hint), "\n")
}

// fit clips s to w columns and h lines.
func (m *model) fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, ln := range lines {
		if lipgloss.Width(ln) > w {
			lines[i] = ansi.Truncate(ln, w, "…")
		}
	}
	return lipgloss.NewStyle().Height(h).Render(strings.Join(lines, "\n"))
}

func (m *model) handoverView(w int) []string {
	rows := m.handoverRows()
	lw := 0
	for _, r := range rows {
		lw = max(lw, lipgloss.Width(r.label))
	}
	lw = min(lw, w/2)
	var out []string
	for i, r := range rows {
		label := ansi.Truncate(r.label, lw, "…")
		label += strings.Repeat(" ", lw-lipgloss.Width(label))
		shown := r.shown(m.revealed, m.lang)
		if r.wrong {
			shown = "✗ " + shown + "  " + txtWrongValue.In(m.lang)
		}
		line := ansi.Truncate(label+"  "+shown, w-2, "…")
		if i == m.hoSel%len(rows) {
			out = append(out, "▸ "+m.st.RowSel.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	out = append(out, m.st.Muted.Render(m.wrap(txtHandoverHint.In(m.lang), w)))
	return out
}

// reviewView shows the values as given and the warnings that wait for a second enter.
func (m *model) reviewView(w int) []string {
	l := m.lang
	var out []string
	for _, b := range m.binds {
		if b.field.Key == "" {
			continue
		}
		v := b.field.Display(b.value(), l)
		if b.field.Secret() && !m.revealed {
			v = redact(v)
		}
		out = append(out, ansi.Truncate(m.st.Label.Render(b.field.Label.In(l))+"  "+steps.Clean(v), w, "…"))
	}
	out = append(out, "", m.st.Warning.Render(txtWarnings.In(l)))
	for _, p := range m.problems {
		out = append(out, m.st.Warning.Render(m.wrap("! "+steps.Clean(p.Message(l)), w)))
	}
	out = append(out, m.st.Muted.Render(m.wrap(txtWarnPass.In(l), w)))
	return out
}

// checkLines lists the checks started by step id or sending the operator back to it.
func (m *model) checkLines(id string, w int) []string {
	var out []string
	for _, en := range m.ledger().Entries() {
		if en.Origin != id && m.ledger().Target(en.ID) != id {
			continue
		}
		out = append(out, m.checkLine(en, w)...)
	}
	if m.ledger().StepFailed(id) && !m.inPlace {
		again := m.keys.Again
		if m.textFocused() {
			again, _ = ctrlHelp(again)
		}
		out = append(out, m.st.Muted.Render(m.wrap(tf(txtAgainHint, m.lang, again.Help().Key), w)))
	}
	return out
}

func (m *model) checkLine(en wizard.Entry, w int) []string {
	l := m.lang
	if en.Queued || (!en.Running && en.Result == nil) {
		// Waiting for the checks it needs: no spinner, it is not under way.
		return []string{m.st.Muted.Render(ansi.Truncate("· "+en.ID+"  "+txtQueued.In(l), w, "…"))}
	}
	if en.Running || en.Result == nil {
		line := m.spin.View() + " " + en.ID
		if !en.Progress.IsZero() {
			line += "  " + steps.Clean(en.Progress.In(l))
		} else {
			line += "  " + txtChecking.In(l)
		}
		return []string{ansi.Truncate(line, w, "…")}
	}
	r := en.Result
	mark, sty := m.resultMark(r.Status)
	msg := steps.Clean(r.Message.In(l))
	if en.Stale {
		msg += " " + txtStaleMark.In(l)
	}
	lines := []string{sty.Render(m.hang(mark+" ", r.ID+"  "+msg, w))}
	if r.Status == verify.Fail || r.Status == verify.Error {
		if n, s := m.stepNumber(m.ledger().Target(en.ID)); s != nil && (m.phase != phaseStep || m.eng().Current() != s) {
			lines = append(lines, m.st.Muted.Render(m.hang("  ", tf(txtJumpOffer, l, n, s.Title.In(l)), w)))
		}
	}
	return lines
}

// resultMark is the sign and style of a status: ✓ pass, ! warn, ✗ fail, ? could not tell.
func (m *model) resultMark(status verify.Status) (mark string, sty lipgloss.Style) {
	switch status {
	case verify.Pass:
		mark, sty = "✓", m.st.Pass
	case verify.Warn:
		mark, sty = "!", m.st.Warning
	case verify.Fail:
		mark, sty = "✗", m.st.Error
	case verify.Skipped:
		mark, sty = "-", m.st.Muted
	default:
		mark, sty = "?", m.st.Unknown
	}
	return mark, sty
}

func (m *model) finalPane() string {
	l := m.lang
	w := m.width - 2
	var out []string
	problems := m.ledger().Problems()
	switch {
	case m.finalErr != "":
		out = append(out, m.st.Failed.Render(txtFinalTitleErr.In(l)), "")
	case m.finalDone && len(problems) > 0:
		title := tf(wizard.FinishedWith(len(problems)), l, len(problems))
		switch {
		case unreachedOnly(problems) && len(problems) == 1:
			title = tf(txtFinalUnreachedTitle1, l, 1)
		case unreachedOnly(problems):
			title = tf(txtFinalUnreachedTitle, l, len(problems))
		}
		out = append(out, m.st.Failed.Render(title), "")
	case m.finalDone || m.finalRunning:
		if !m.finalRunning {
			out = append(out, m.st.StepTitle.Render(txtFinalTitle.In(l)), "")
		}
	}
	switch {
	case m.finalRunning:
		out = append(out, m.spin.View()+" "+txtFinalRunning.In(l))
	case m.s.Checker == nil:
		out = append(out, m.st.Muted.Render(m.wrap(txtFinalNoChecks.In(l), w)))
	}
	entries := m.ledger().Entries()
	all := m.ledger().AllChecks()
	place := func(id string) int {
		if i := slices.Index(all, id); i >= 0 {
			return i
		}
		return len(all)
	}
	// Problems first, then warnings, then what passed: on a short screen the result that
	// matters is in sight without scrolling.
	rank := func(en wizard.Entry) int {
		if en.Result == nil {
			return 2
		}
		switch en.Result.Status {
		case verify.Fail, verify.Error:
			return 0
		case verify.Warn, verify.Skipped:
			return 1 // a warning, or a check a problem kept from running
		}
		return 2
	}
	slices.SortStableFunc(entries, func(a, b wizard.Entry) int {
		if d := rank(a) - rank(b); d != 0 && m.finalDone {
			return d
		}
		return place(a.ID) - place(b.ID)
	})
	explain := m.finalDone && m.finalErr == "" && len(problems) > 0
	for _, en := range entries {
		if explain && rank(en) > 0 {
			// What to do about the problems: under them, above the rest.
			out = append(out, "", m.wrap(finalHelp(problems).In(l), w), "")
			explain = false
		}
		out = append(out, m.checkLine(en, w)...)
	}
	if explain {
		out = append(out, "", m.wrap(finalHelp(problems).In(l), w))
	}
	if m.finalDone {
		out = append(out, "")
		path := steps.Clean(m.savedPath)
		if path == "" {
			path = steps.Clean(m.s.ConfigPath)
		}
		switch {
		case m.finalErr != "":
			out = append(out, m.st.Error.Render(m.wrap("✗ "+tf(txtSaveFailed, l, m.finalErr), w)),
				"", m.st.Muted.Render(txtFinalRetry.In(l)))
		case len(problems) > 0:
			out = append(out, m.wrap("✓ "+tf(txtSaved, l, path), w),
				m.st.Error.Render(m.wrap(tf(finalExitText(m.ledger().ExitCode()), l, m.ledger().ExitCode()), w)))
			if unreachedOnly(problems) {
				// The command that checks again later, as the help above says.
				out = append(out, m.wrap(tf(txtFinalNext, l, steps.Clean(m.s.NextCommand(path))), w))
			}
			out = append(out, "", m.st.Muted.Render(m.wrap(finalQuit(problems).In(l), w)))
		default:
			out = append(out, m.st.Pass.Render(m.wrap("✓ "+tf(txtSaved, l, path), w)),
				m.wrap(tf(txtFinalNext, l, steps.Clean(m.s.NextCommand(path))), w), "", m.st.Muted.Render(txtFinalQuit.In(l)))
		}
	}
	return strings.Join(out, "\n")
}

// stopPane is shown when a step's checks failed: which, why, the step to fix each on, and
// the three ways on.
func (m *model) stopPane(w int) string {
	l := m.lang
	problems := m.ledger().Problems()
	title := txtStopTitle.In(l)
	if len(problems) > 1 {
		title = tf(txtStopTitleN, l, len(problems))
	}
	if unreachedOnly(problems) {
		// Nothing failed: the API could not be reached or could not tell.
		title = txtStopUnreached.In(l)
	}
	// The failed checks first: on a short screen they are what must be in sight.
	out := []string{m.st.Failed.Render(title), ""}
	for _, p := range problems {
		mark, sty := m.resultMark(p.Result.Status)
		out = append(out, sty.Render(m.hang(mark+" ", p.Result.ID+"  "+steps.Clean(p.Result.Message.In(l)), w)))
		if p.Step != nil {
			at := txtFixAt
			if p.Result.Status == verify.Error {
				at = txtCheckedAt // nothing known to be wrong there
			}
			out = append(out, m.st.Muted.Render(m.hang("  → ", tf(at, l, p.Number, p.Step.Title.In(l)), w)))
		}
	}
	unreached := unreachedOnly(problems)
	body := txtStopBody
	if unreached {
		body = txtStopUnreachedBody
	}
	out = append(out, "", m.wrap(body.In(l), w), "")
	var keys string
	p := m.jumpTarget()
	switch {
	case m.stopBusy:
		n, total := m.ledger().Progress()
		out = append(out, m.spin.View()+" "+tf(txtCheckingOf, l, n, total))
	case unreached && p != nil:
		keys = tf(txtStopKeysUnreached, l, p.Number, p.Step.Title.In(l))
	case unreached:
		keys = txtStopKeysUnreachedNone.In(l)
	case p != nil:
		keys = tf(txtStopKeys, l, p.Number, p.Step.Title.In(l))
	default:
		keys = txtStopKeysNone.In(l)
	}
	for _, k := range strings.Split(keys, "\n") {
		if k != "" {
			// "g  go to step 4 …": the text wraps under itself, not under the key.
			key, text, _ := strings.Cut(k, "  ")
			out = append(out, m.hang(key+"  ", text, w))
		}
	}
	return strings.Join(out, "\n")
}

func (m *model) footer() string {
	return m.statusLine() + "\n" + m.helpLine()
}

// statusLine is one line: checks under way ("Checking 2 of 9…"), the first problem with
// its jump key, the last run's headline, or a note.
func (m *model) statusLine() string {
	l := m.lang
	w := m.width
	var s string
	n, total := m.ledger().Progress()
	switch {
	case total > 0:
		s = m.spin.View() + " " + m.st.Status.Render(tf(txtCheckingOf, l, n, total))
	case m.phase == phaseStep && m.jumpTarget() != nil:
		p := m.jumpTarget()
		mark, sty := m.resultMark(p.Result.Status) // ? for a check that could not tell
		s = sty.Render(mark + " " + p.Result.ID + "  " + steps.Clean(p.Result.Message.In(l)))
		if cur := m.eng().Current(); cur != p.Step {
			s += m.st.Muted.Render("  (" + tf(txtJumpOffer, l, p.Number, p.Step.Title.In(l)) + ")")
		}
	case m.phase == phaseStep && m.headline != nil && !m.stale(m.headline.ID):
		r := m.headline
		mark, sty := m.resultMark(r.Status)
		s = sty.Render(mark + " " + r.ID + "  " + steps.Clean(r.Message.In(l)))
	}
	if m.note != "" {
		note := m.st.Note.Render(m.note)
		if s != "" {
			s += "  " + note
		} else {
			s = note
		}
	}
	return ansi.Truncate(" "+s, w, "…")
}

func (m *model) helpView() string {
	keys := m.helpKeys()
	v := m.help.View(keys)
	wide := m.help
	wide.SetWidth(0) // the whole line, to see whether the terminal cuts keys off
	if m.phase == phaseStop && !m.help.ShowAll && m.width > 0 && lipgloss.Width(wide.ShortHelpView(keys.short)) > m.width {
		// Too narrow for the words: the panel above says what each choice does, so the
		// footer keeps every key rather than cutting the last ones off (n was lost at 40×12).
		var ks []string
		for _, b := range keys.short {
			ks = append(ks, b.Help().Key)
		}
		v = ansi.Truncate(m.st.Muted.Render(strings.Join(ks, " · ")), m.width, "…")
	}
	return v
}

// helpKeys lists the keys that do something on this screen.
func (m *model) helpKeys() helpKeys {
	k := m.keys
	switch m.phase {
	case phaseResume:
		return helpKeys{short: []key.Binding{k.Next, k.Quit}, full: [][]key.Binding{{k.Next, k.Quit}}}
	case phaseFinal:
		if m.finalDone && m.finalErr == "" && m.jumpTarget() != nil {
			return helpKeys{short: []key.Binding{k.Jump, k.Close}, full: [][]key.Binding{{k.Jump, k.Close}}}
		}
		return helpKeys{short: []key.Binding{k.Close}, full: [][]key.Binding{{k.Close}}}
	case phaseStop:
		short := []key.Binding{k.Again, k.GoOn, k.Quit}
		if m.jumpTarget() != nil {
			if unreachedOnly(m.ledger().Problems()) {
				// Nothing to fix in the console: checking again comes first.
				short = []key.Binding{k.Again, k.Jump, k.GoOn, k.Quit}
			} else {
				short = append([]key.Binding{k.Jump}, short...)
			}
		}
		return helpKeys{short: short, full: [][]key.Binding{short}}
	}
	cur := m.eng().Current()
	short := []key.Binding{k.Next, k.Back}
	var extra []key.Binding
	if len(cur.Links) > 0 {
		short = append(short, k.Open)
		if len(cur.Links) > 1 {
			extra = append(extra, k.Link)
		}
	}
	if cur.Handover || len(cur.Links) > 0 {
		short = append(short, k.Copy)
	}
	if cur.Handover {
		extra = append(extra, k.Up)
	}
	for _, f := range cur.Fields {
		if f.Secret() {
			short = append(short, k.Reveal)
			break
		}
		if cur.Handover {
			break
		}
	}
	if cur.Handover && !hasBinding(short, k.Reveal) {
		short = append(short, k.Reveal)
	}
	if m.ledger().StepFailed(cur.ID) {
		short = append(short, k.Again)
	} else if p := m.jumpTarget(); p != nil && p.Step != cur {
		short = append(short, k.Jump)
	}
	short = append(short, k.Help, k.Quit)
	full := [][]key.Binding{
		{k.Next, k.Back, k.Scroll},
		append([]key.Binding{k.Open, k.Copy, k.Reveal}, extra...),
		{k.Jump, k.Again, k.Help, k.Quit},
	}
	if m.textFocused() {
		// A letter would be typed into the field: show the ctrl keys that work there.
		short = ctrlOnly(short)
		for i := range full {
			full[i] = ctrlOnly(full[i])
		}
	}
	return helpKeys{short: short, full: full}
}

// ctrlOnly is bs as they work while a text field has the focus.
func ctrlOnly(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if c, ok := ctrlHelp(b); ok {
			out = append(out, c)
		}
	}
	return out
}

func hasBinding(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help() == b.Help() {
			return true
		}
	}
	return false
}

func redact(v string) string {
	r := []rune(v)
	if len(r) <= 4 {
		return strings.Repeat("•", len(r))
	}
	return string(r[:4]) + strings.Repeat("•", min(len(r)-4, 12))
}

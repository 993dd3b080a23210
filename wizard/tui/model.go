package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

type phase int

const (
	phaseResume phase = iota // asking whether to resume a draft
	phaseStep                // walking the steps
	phaseStop                // checks failed: which, why, where to fix, and what now
	phaseFinal               // every step passed
)

// model is the whole screen of one walk.
type model struct {
	ctx    context.Context
	cancel context.CancelFunc
	s      *wizard.Session
	lang   steps.Lang

	width, height int
	dark, noColor bool
	st            styles
	keys          keyMap
	help          help.Model
	spin          spinner.Model
	static        bool // tests: the spinner never moves, so screens are the same every run

	phase      phase
	resumeForm *huh.Form
	resumeYes  bool

	// The step on screen.
	form      *huh.Form
	binds     []*binding
	revealed  bool
	problems  []steps.Problem // errors that kept the step, or warnings waiting for a second enter
	reviewing bool            // the form is filled in; warnings wait for enter
	linkSel   int
	shownURL  string // a link that could not be opened, shown for copying
	note      string // one quiet line: copied, opened, draft not saved
	scroll    int
	hoSel     int
	saveErr   string
	savedPath string

	// Live checks: the results live in the session's ledger.
	runs     int
	events   chan tea.Msg
	headline *verify.Result // the result of the last run the status line names
	inPlace  bool           // "check again" runs on the step on screen
	stopBusy bool           // "check again" runs on the stop panel

	// Final screen.
	finalRunning bool
	finalDone    bool
	finalErr     string

	formSubmitted bool         // the completed form was handed to submit
	cf            confirmState // the operator's confirmations (confirm.go)
	reading       bool         // small screen: pgdn shows the instructions on the whole pane

	outcome error             // what Run returns
	formDim tea.WindowSizeMsg // the room last given to the form
	textW   int               // the width the fields' texts were wrapped for
}

func newModel(ctx context.Context, s *wizard.Session, o Options) *model {
	ctx, cancel := context.WithCancel(ctx)
	noColor := o.NoColor || noColorEnv()
	m := &model{
		ctx: ctx, cancel: cancel, s: s, lang: s.Lang,
		width: o.Width, height: o.Height,
		dark: true, noColor: noColor,
		keys:   newKeyMap(s.Lang),
		help:   help.New(),
		spin:   spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		events: make(chan tea.Msg, 64),
	}
	if m.width == 0 {
		m.width = 80
	}
	if m.height == 0 {
		m.height = 24
	}
	m.st = newStyles(m.dark, noColor)
	m.help.Styles = help.DefaultStyles(m.dark)
	// The footer fits the width from the first frame, not from the first resize: a
	// screen drawn before it must not differ from one drawn after.
	m.help.SetWidth(m.width)
	if s.Pending != nil {
		m.phase = phaseResume
		m.buildResume()
	} else {
		m.phase = phaseStep
		m.buildForm()
	}
	return m
}

func (m *model) eng() *wizard.Engine { return m.s.Engine }

func (m *model) buildResume() {
	m.resumeYes = true
	l := m.lang
	p := m.s.Pending
	title := p.Step
	if st := m.eng().Flow().Step(p.Step); st != nil {
		title = st.Title.In(l)
	} else if p.Step == "" {
		title = txtFinished.In(l)
	}
	when := p.Saved.Local().Format("2006-01-02 15:04")
	body := tf(txtResumeBody, l, when, steps.Clean(title))
	if note := p.RetypeNote(m.eng().Flow(), l); note != "" {
		body += "\n" + steps.Clean(note)
	}
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	m.resumeForm = huh.NewForm(huh.NewGroup(
		huh.NewSelect[bool]().Title(txtResumeTitle.In(l)).
			Description(wrapFieldText(l, body, m.width-4)).
			Options(huh.NewOption(txtResumeYes.In(l), true), huh.NewOption(txtResumeNo.In(l), false)).
			Value(&m.resumeYes),
	)).WithShowHelp(false).WithKeyMap(km).WithTheme(m.st.huhTheme)
}

func (m *model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.resumeForm != nil {
		cmds = append(cmds, m.resumeForm.Init())
	}
	if m.form != nil {
		cmds = append(cmds, m.form.Init())
	}
	return tea.Batch(cmds...)
}

func (m *model) sidebarShown() bool { return m.width >= 80 }

func (m *model) sidebarWidth() int {
	if !m.sidebarShown() {
		return 0
	}
	return min(34, m.width/3)
}

func (m *model) paneWidth() int {
	if !m.sidebarShown() {
		return m.width - 2
	}
	return m.width - m.sidebarWidth() - 3
}

// Update handles a message, then gives the form the room the rest of the pane leaves.
func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	nm, cmd := m.update(msg)
	m.layoutForm()
	return nm, cmd
}

// layoutForm sizes the form so that the step's title, a few lines of its instructions,
// the values to copy and the check results stay in sight; huh scrolls the form to the
// focused field within that room.
func (m *model) layoutForm() {
	if m.phase != phaseStep || m.form == nil || m.form.State != huh.StateNormal {
		return
	}
	cur := m.eng().Current()
	w := m.paneWidth()
	other := 0
	if cur.Handover && !m.small() {
		other += len(m.handoverRows()) + 2
	}
	if cl := m.checkLines(cur.ID, w); len(cl) > 0 && !m.small() {
		other += lipgloss.Height(strings.Join(cl, "\n")) + 2
	}
	if pl := m.problemLines(w); len(pl) > 0 {
		other += lipgloss.Height(strings.Join(pl, "\n")) + 1
	}
	if fe := m.fieldErrors(w); len(fe) > 0 {
		other += lipgloss.Height(strings.Join(fe, "\n")) + 1
	}
	if rv := m.revealedValue(w); len(rv) > 0 {
		other += lipgloss.Height(strings.Join(rv, "\n"))
	}
	minTop, gap := 4, 1
	if m.small() {
		// The instructions keep one line (pgdn reads them on the whole pane).
		minTop, gap = 1, 0
	}
	size := tea.WindowSizeMsg{Width: max(w, 20), Height: max(m.bodyHeight()-1-other-gap-minTop, 3)}
	m.setFieldTexts()
	if b := m.focused(); b != nil {
		// The focused field whole, its input line included, whatever the results under
		// the form take (those are cut at the bottom instead): the form scrolls to the
		// field's first line, so a room smaller than the field hid what is typed.
		size.Height = max(size.Height, min(lipgloss.Height(b.hfield.View()), m.bodyHeight()-1))
	}
	if size != m.formDim {
		m.formDim = size
		m.form.Update(size)
	}
}

func (m *model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case copiedMsg:
		if msg.err == nil {
			m.note = tf(txtCopied, m.lang, msg.label)
			return m, nil
		}
		m.note = tf(txtSentToTerminal, m.lang, msg.label)
		return m, tea.SetClipboard(msg.value)
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.formDim = tea.WindowSizeMsg{}
		if m.resumeForm != nil {
			m.resumeForm.Update(tea.WindowSizeMsg{Width: m.width - 2, Height: m.bodyHeight()})
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.st = newStyles(m.dark, m.noColor)
		m.help.Styles = help.DefaultStyles(m.dark)
		return m, m.forwardAll(msg)
	case tea.InterruptMsg:
		return m, m.interrupt()
	case spinner.TickMsg:
		if m.runs == 0 || m.static {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case checkEventMsg:
		m.ledger().Apply(msg.ev, msg.origin)
		return m, m.relisten()
	case runDoneMsg:
		m.runs--
		m.ledger().Ended(msg.ids, msg.results, msg.origin)
		m.headline = headline(msg.results)
		cmd := m.ranDone(msg)
		m.offerConfirm(msg.kind)
		return m, tea.Batch(cmd, m.relisten())
	case openedMsg:
		if msg.err != nil {
			m.showURL(msg.url)
			m.note = ""
		} else {
			m.note = tf(txtOpened, m.lang, msg.url)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.onKey(msg)
	}
	return m, m.forward(msg)
}

// relisten keeps one listener while runs are under way.
func (m *model) relisten() tea.Cmd {
	if m.runs > 0 {
		return m.listen()
	}
	return nil
}

// headline is the result the status line names after a run: the worst that says
// something (a check skipped behind a failed one says nothing new).
func headline(results []verify.Result) *verify.Result {
	var best *verify.Result
	rank := map[verify.Status]int{verify.Pass: 1, verify.Warn: 2, verify.Error: 3, verify.Fail: 4}
	for i := range results {
		r := &results[i]
		if rank[r.Status] == 0 {
			continue
		}
		if best == nil || rank[r.Status] > rank[best.Status] {
			best = r
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	return &c
}

// ranDone acts on a finished run: a step's run that failed stops the walk; "check again"
// on a step returns to where the operator was once it passes; the final run ends the walk.
func (m *model) ranDone(msg runDoneMsg) tea.Cmd {
	switch msg.kind {
	case runFinal:
		m.finalRunning = false
		m.finish()
	case runStop:
		m.stopBusy = false
		if m.phase == phaseStop && len(m.ledger().Problems()) == 0 {
			m.phase, m.scroll = phaseStep, 0
			m.note = recheckNote(msg.results, m.lang)
		}
	case runInPlace:
		m.inPlace = false
		cur := m.eng().Current()
		if m.phase != phaseStep || cur == nil || cur.ID != msg.origin {
			return nil
		}
		if m.ledger().StepFailed(cur.ID) {
			m.note = txtStillFailing.In(m.lang)
			return nil
		}
		// Fixed: the step is passed, and a visit returns to where it began.
		if !cur.Confirm.IsZero() {
			m.eng().Set(cur.ConfirmKey(), "true")
		}
		if errs := wizard.Errors(m.eng().Next()); len(errs) > 0 {
			m.problems = errs
			m.buildForm()
			return m.initForm()
		}
		cmd := m.enterStep()
		m.note, m.headline = recheckNote(msg.results, m.lang), nil
		return cmd
	case runStep:
		if m.phase == phaseStep && m.ledger().Stops(msg.results) {
			m.storeValues()
			m.phase, m.scroll, m.reading = phaseStop, 0, false
		}
	}
	return nil
}

// forward gives a message to whichever form is on screen.
func (m *model) forward(msg tea.Msg) tea.Cmd {
	var f **huh.Form
	switch {
	case m.phase == phaseResume && m.resumeForm != nil:
		f = &m.resumeForm
	case m.phase == phaseStep && m.form != nil:
		f = &m.form
	default:
		return nil
	}
	nm, cmd := (*f).Update(msg)
	if hf, ok := nm.(*huh.Form); ok {
		*f = hf
	}
	if m.phase == phaseStep {
		m.rederive()
		if m.form != nil && m.form.State == huh.StateNormal {
			for _, b := range m.binds {
				// A result on screen is never shown as current for a value being changed.
				if v, ok := b.hfield.GetValue().(string); ok && b.text {
					m.eng().Editing(b.key, v)
				}
			}
		}
	}
	return tea.Batch(cmd, m.afterForm())
}

func (m *model) forwardAll(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, f := range []*huh.Form{m.resumeForm, m.form} {
		if f != nil {
			_, cmd := f.Update(msg)
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(cmds...)
}

// afterForm acts on a form that was just completed.
func (m *model) afterForm() tea.Cmd {
	switch m.phase {
	case phaseResume:
		if m.resumeForm == nil || m.resumeForm.State != huh.StateCompleted {
			return nil
		}
		if m.resumeYes {
			m.s.Engine = wizard.Resume(m.eng().Flow(), *m.s.Pending)
		} else if m.s.Draft != nil {
			if err := m.s.Draft.Delete(); err != nil {
				m.note = tf(txtDraftFailed, m.lang, steps.Clean(err.Error()))
			}
		}
		m.s.Pending = nil
		m.resumeForm = nil
		m.phase = phaseStep
		return m.enterStep()
	case phaseStep:
		if m.form == nil || m.form.State != huh.StateCompleted || m.formSubmitted {
			return nil
		}
		// Once per completion: a late message (a cursor blink) handed to the completed
		// form must not pass warnings the operator has not seen.
		m.formSubmitted = true
		return m.submit()
	}
	return nil
}

// submit is enter on the last field: keep the step on errors, hold on warnings until a
// second enter, else pass it.
func (m *model) submit() tea.Cmd {
	cur := m.eng().Current()
	if cur == nil {
		return nil
	}
	m.storeValues()
	ps := m.eng().Problems(cur)
	if errs := wizard.Errors(ps); len(errs) > 0 {
		m.problems = errs
		m.reviewing = false
		m.buildForm()
		return m.initForm()
	}
	if !m.reviewing && len(ps) > 0 {
		m.problems = ps
		m.reviewing = true
		return nil
	}
	return m.pass()
}

// pass leaves the current step: the handover step writes the config first, a step with
// checks starts them, then the next step (or the final screen) comes.
func (m *model) pass() tea.Cmd {
	cur := m.eng().Current()
	if cur == nil {
		return nil
	}
	if cur.Handover && m.s.Save != nil {
		path, err := m.s.Save(m.eng().Answers(), nil)
		if err != nil {
			m.saveErr = steps.Clean(err.Error())
			m.reviewing = false
			m.buildForm()
			return m.initForm()
		}
		m.savedPath = path
		m.saveErr = ""
	}
	if m.ledger().StepFailed(cur.ID) && m.s.Checker != nil {
		// A check sent the operator here: check again in place rather than walk on.
		if errs := wizard.Errors(m.eng().Problems(cur)); len(errs) > 0 {
			m.problems = errs
			m.reviewing = false
			m.buildForm()
			return m.initForm()
		}
		return m.checkAgain()
	}
	ps := m.eng().Next()
	if errs := wizard.Errors(ps); len(errs) > 0 {
		m.problems = errs
		m.reviewing = false
		m.buildForm()
		return m.initForm()
	}
	var cmds []tea.Cmd
	if ids := union(cur.Checks, m.ledger().Stale()); len(ids) > 0 && !m.eng().Finished() {
		cmds = append(cmds, m.launch(ids, cur.ID, runStep))
	}
	cmds = append(cmds, m.enterStep())
	if m.savedPath != "" && cur.Handover {
		m.note = tf(txtSaved, m.lang, steps.Clean(m.savedPath))
	}
	return tea.Batch(cmds...)
}

// checkAgain runs, on the step on screen, the checks that sent the operator here (and
// the step's own, and any made stale); the result shows on this step.
func (m *model) checkAgain() tea.Cmd {
	cur := m.eng().Current()
	if cur == nil || m.s.Checker == nil || m.inPlace {
		return nil
	}
	ids := union(m.ledger().Recheck(cur.ID), cur.Checks, m.ledger().Stale())
	if len(ids) == 0 {
		return nil
	}
	if m.s.Fixed != nil {
		m.s.Fixed(cur.ID)
	}
	m.storeValues()
	m.inPlace = true
	m.note = ""
	var cmds []tea.Cmd
	if m.form == nil || m.form.State != huh.StateNormal {
		m.reviewing = false
		m.buildForm()
		cmds = append(cmds, m.initForm())
	}
	return tea.Batch(append(cmds, m.launch(ids, cur.ID, runInPlace))...)
}

// enterStep shows the engine's current step afresh and keeps a draft of where we are.
func (m *model) enterStep() tea.Cmd {
	m.problems, m.reviewing, m.saveErr = nil, false, ""
	m.linkSel, m.shownURL, m.scroll, m.hoSel, m.reading = 0, "", 0, 0, false
	m.note = ""
	if err := m.s.SaveDraft(); err != nil {
		m.note = tf(txtDraftFailed, m.lang, steps.Clean(err.Error()))
	}
	if m.eng().Finished() {
		m.form, m.binds = nil, nil
		return m.startFinal()
	}
	m.buildForm()
	return m.initForm()
}

func (m *model) initForm() tea.Cmd {
	if m.form == nil {
		return nil
	}
	m.formDim = tea.WindowSizeMsg{}
	return m.form.Init()
}

// startFinal runs every check of the flow once more, then writes the config with the
// results.
func (m *model) startFinal() tea.Cmd {
	m.phase = phaseFinal
	m.finalDone, m.finalErr = false, ""
	ids := m.ledger().AllChecks()
	if m.s.Checker == nil || len(ids) == 0 {
		m.finish()
		return nil
	}
	m.finalRunning = true
	return m.launch(ids, "", runFinal)
}

// finish writes the config with the final results and removes the draft.
func (m *model) finish() {
	m.finalDone = true
	if m.s.Save != nil {
		var results []verify.Result
		if m.s.Checker != nil {
			results = m.ledger().Results()
		}
		path, err := m.s.Save(m.eng().Answers(), results)
		if err != nil {
			m.finalErr = steps.Clean(err.Error())
			return
		}
		m.savedPath = path
	}
	m.finalErr = ""
	if m.s.Draft != nil {
		if err := m.s.Draft.Delete(); err != nil {
			m.note = steps.Clean(err.Error())
		}
	}
}

// interrupt is ctrl+c anywhere: checks are cancelled, a draft is kept, the walk ends.
func (m *model) interrupt() tea.Cmd {
	m.cancel()
	if m.phase == phaseStep {
		m.storeValues()
	}
	if m.phase == phaseFinal && m.finalDone && m.finalErr == "" {
		m.outcome = m.endOutcome() // the config is written; nothing is lost
		return tea.Quit
	}
	if m.phase != phaseResume {
		_ = m.s.SaveDraft()
	}
	m.outcome = wizard.ErrInterrupted
	return tea.Quit
}

func (m *model) onKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	if key.Matches(msg, m.keys.Quit) {
		return m, m.interrupt()
	}
	if m.cf.ask != nil {
		return m, m.confirmKey(msg)
	}
	if m.phase == phaseFinal || m.phase == phaseStop {
		switch k {
		case "pgup":
			m.scroll = max(m.scroll-max(m.bodyHeight()-2, 1), 0)
			return m, nil
		case "pgdown":
			m.scroll += max(m.bodyHeight()-2, 1)
			return m, nil
		case "up":
			m.scroll = max(m.scroll-1, 0)
			return m, nil
		case "down":
			m.scroll++
			return m, nil
		}
	}
	switch m.phase {
	case phaseResume:
		return m, m.forward(msg)
	case phaseFinal:
		if !m.finalDone {
			return m, nil
		}
		if key.Matches(msg, m.keys.Jump) && m.finalErr == "" {
			if p := m.jumpTarget(); p != nil {
				return m, m.jump(p)
			}
		}
		if key.Matches(msg, m.keys.Close) {
			if m.finalErr != "" {
				if k == "enter" {
					m.finish()
				}
				return m, nil
			}
			m.outcome = m.endOutcome()
			return m, tea.Quit
		}
		return m, nil
	case phaseStop:
		switch {
		case key.Matches(msg, m.keys.Jump):
			if p := m.jumpTarget(); p != nil {
				return m, m.jump(p)
			}
		case key.Matches(msg, m.keys.Again) && !m.stopBusy:
			var ids []string
			for _, p := range m.ledger().Problems() {
				ids = union(ids, []string{p.Result.ID}, m.ledger().Recheck(m.ledger().Target(p.Result.ID)))
			}
			m.stopBusy = true
			return m, m.launch(ids, "", runStop)
		case key.Matches(msg, m.keys.GoOn):
			m.ledger().Accept()
			m.phase, m.scroll = phaseStep, 0
			m.note = txtGoingOn.In(m.lang)
			return m, nil
		}
		return m, nil
	}
	letters := !m.textFocused()
	matches := func(b key.Binding) bool {
		return key.Matches(msg, b) && (letters || !letterOnly(k))
	}
	cur := m.eng().Current()
	switch {
	case key.Matches(msg, m.keys.Reveal):
		m.setReveal(!m.revealed)
		return m, nil
	case matches(m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		return m, nil
	case matches(m.keys.Open) && len(cur.Links) > 0:
		return m, m.open(cur.Links[m.linkSel%len(cur.Links)].URL)
	case matches(m.keys.Link) && len(cur.Links) > 1:
		m.linkSel = (m.linkSel + 1) % len(cur.Links)
		m.shownURL = ""
		return m, nil
	case matches(m.keys.Copy):
		return m, m.copy()
	case matches(m.keys.Jump):
		if p := m.jumpTarget(); p != nil {
			return m, m.jump(p)
		}
	case matches(m.keys.Again) && m.ledger().StepFailed(cur.ID):
		return m, m.checkAgain()
	case k == "pgup" && m.reading:
		if m.scroll == 0 {
			m.reading = false
		}
		m.scroll = max(m.scroll-max(m.bodyHeight()-3, 1), 0)
		return m, nil
	case k == "pgdown" && m.small():
		if !m.reading {
			m.reading, m.scroll = true, 0
		} else {
			m.scroll += max(m.bodyHeight()-3, 1)
		}
		return m, nil
	case k == "pgup":
		m.scroll = max(m.scroll-5, 0)
		return m, nil
	case k == "pgdown":
		m.scroll += 5
		return m, nil
	case m.reading:
		// Any other key only returns to the fields: the operator could not see the focused
		// field while reading, so a letter must not land in it unseen.
		m.reading, m.scroll = false, 0
		return m, nil
	case cur.Handover && letters && (key.Matches(msg, m.keys.Up) || key.Matches(msg, m.keys.Down)) && !m.selectFocused():
		n := len(m.handoverRows())
		if n > 0 {
			if key.Matches(msg, m.keys.Up) {
				m.hoSel = (m.hoSel + n - 1) % n
			} else {
				m.hoSel = (m.hoSel + 1) % n
			}
		}
		return m, nil
	case key.Matches(msg, m.keys.Back) && (m.reviewing || m.onFirstField()):
		return m, m.back()
	case k == "enter" && (m.form == nil || m.reviewing):
		return m, m.submit()
	}
	return m, m.forward(msg)
}

func (m *model) selectFocused() bool {
	b := m.focused()
	return b != nil && b.field.Kind == steps.KindChoice
}

// back is shift+tab on the first field: the previous step, every value kept. While
// warnings wait, it returns to the fields instead.
func (m *model) back() tea.Cmd {
	if m.reviewing {
		m.reviewing = false
		m.buildForm()
		return m.initForm()
	}
	m.storeValues()
	if !m.eng().Back() {
		if m.s.BackToStart {
			// Back from the first step: to the question that chose this walk.
			_ = m.s.SaveDraft()
			m.outcome = wizard.ErrBackToStart
			return tea.Quit
		}
		return nil
	}
	return m.enterStep()
}

// jump goes to the step a problem names, remembering where the operator was.
func (m *model) jump(p *wizard.Problem) tea.Cmd {
	if m.phase == phaseStep {
		m.storeValues()
	}
	if p.Step == nil || !m.eng().Visit(p.Step.ID) {
		return nil
	}
	m.phase = phaseStep
	m.finalDone, m.finalRunning = false, false
	return m.enterStep()
}

// endOutcome is what Run returns once the final screen closes: nil when every check passed
// or warned, else the exit code of the worst result (contract: 3 failed, 4 could not tell).
func (m *model) endOutcome() error {
	if m.s.Checker == nil {
		return nil
	}
	code := m.ledger().ExitCode()
	if code == wizard.ExitOK {
		return nil
	}
	return &wizard.ExitCodeError{Code: code, Err: &wizard.ProblemsError{Problems: m.ledger().Problems(), Lang: m.lang}}
}

// showURL shows a link that could not be opened, for copying; on the confirmation panel
// the explanation scrolls to the address, with that note under it.
func (m *model) showURL(url string) {
	m.shownURL = url
	if a := m.cf.ask; a != nil && a.res.Confirm.URL == url {
		a.toAddress = true
	}
}

type openedMsg struct {
	url string
	err error
}

// open starts the browser away from the screen: the opener never writes to it.
func (m *model) open(url string) tea.Cmd {
	if m.s.OpenURL == nil {
		m.showURL(url)
		return nil
	}
	opener := m.s.OpenURL
	return func() tea.Msg { return openedMsg{url: url, err: opener(url)} }
}

// copy puts a value on the clipboard through the terminal (OSC 52): the selected row of
// the handover step, the Korean text on NAVER's review step, else the link on screen.
func (m *model) copy() tea.Cmd {
	cur := m.eng().Current()
	var label, value string
	switch {
	case cur.Handover:
		rows := m.handoverRows()
		if len(rows) > 0 {
			r := rows[m.hoSel%len(rows)]
			label, value = r.label, r.value
		}
	case m.hasPasteField():
		f, _ := m.pasteField()
		label, value = m.pasteCopy(f)
	case m.shownURL != "":
		label, value = m.shownURL, m.shownURL
	case len(cur.Links) > 0:
		l := cur.Links[m.linkSel%len(cur.Links)]
		label, value = l.URL, l.URL
	}
	if value == "" {
		m.note = txtNothingToCopy.In(m.lang)
		return nil
	}
	return m.copyValue(steps.Clean(label), value)
}

// copiedMsg says whether the native clipboard took a value.
type copiedMsg struct {
	label, value string
	err          error
}

// copyValue puts value on the clipboard. "Copied" is said only when the desktop's own
// clipboard took it; otherwise the value goes to the terminal (OSC 52), which many
// terminals ignore without a word, so the note says it was sent, not copied.
func (m *model) copyValue(label, value string) tea.Cmd {
	clip := m.s.Clipboard
	if clip == nil {
		m.note = tf(txtSentToTerminal, m.lang, label)
		return tea.SetClipboard(value)
	}
	ctx := m.ctx
	return func() tea.Msg { return copiedMsg{label: label, value: value, err: clip(ctx, value)} }
}

// stepNumber is the 1-based number of step id among the visible steps.
func (m *model) stepNumber(id string) (int, *steps.Step) {
	for i, s := range m.eng().Visible() {
		if s.ID == id {
			return i + 1, s
		}
	}
	return 0, nil
}

// Package tui is the full-screen front end of the wizard: a sidebar of steps, the step
// on the right with its huh fields, live check results as they arrive, and key help.
// It knows no provider: everything it shows comes from the flow and the session.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Options say where the screen is drawn and how.
type Options struct {
	In  io.Reader // nil: the terminal (stdin)
	Out io.Writer // nil: stdout
	// Width and Height fix the screen size; 0 takes it from the terminal.
	Width, Height int
	// NoColor draws without colours (NO_COLOR in the environment does the same).
	NoColor bool
	// Sandbox puts the SANDBOX badge on Choose's screen too (the walk takes it from the
	// session), so that no screen of a sandbox run looks like a real one.
	Sandbox bool

	// static freezes the spinner: tests need the same screen every run.
	static bool
}

func (o Options) programOptions(ctx context.Context) []tea.ProgramOption {
	var opts []tea.ProgramOption
	if o.In != nil {
		opts = append(opts, tea.WithInput(o.In))
	}
	if o.Out != nil {
		opts = append(opts, tea.WithOutput(o.Out))
	}
	if o.Width > 0 && o.Height > 0 {
		opts = append(opts, tea.WithWindowSize(o.Width, o.Height))
	}
	if o.NoColor || noColorEnv() {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	return append(opts, tea.WithContext(ctx))
}

// Run walks the session's flow on a full screen. It returns nil once the flow is finished
// and the config written, wizard.ErrInterrupted after ctrl+c (a draft kept), or the
// error that stopped the screen. The terminal is restored on every path.
func Run(ctx context.Context, s *wizard.Session, o Options) error {
	m := newModel(ctx, s, o)
	m.static = o.static
	defer m.cancel()
	final, err := tea.NewProgram(m, o.programOptions(ctx)...).Run()
	if fm, ok := final.(*model); ok && fm != nil {
		m = fm
	}
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) || ctx.Err() != nil {
			if m.phase == phaseStep {
				// SIGTERM or SIGHUP (the terminal closed): what is on screen is kept as
				// ctrl+c keeps it.
				m.storeValues()
			}
			if m.phase != phaseResume {
				_ = s.SaveDraft()
			}
			return wizard.ErrInterrupted
		}
		return fmt.Errorf("screen: %w", err)
	}
	var coded *wizard.ExitCodeError
	if m.outcome != nil && !errors.As(m.outcome, &coded) {
		return m.outcome
	}
	if !m.finalDone || m.finalErr != "" {
		// The screen ended without the final screen (a closed terminal): keep a draft.
		_ = s.SaveDraft()
		return wizard.ErrInterrupted
	}
	out := o.Out
	if out == nil {
		out = os.Stdout
	}
	path := m.savedPath
	if path == "" {
		path = s.ConfigPath
	}
	if path != "" {
		fmt.Fprintln(out, tf(txtSaved, s.Lang, steps.Clean(path)))
	}
	if coded != nil {
		// What the terminal keeps says what the screen said: not done, and why.
		sep := " "
		if s.Lang == steps.JA {
			sep = "" // a full-width bracket needs no space
		}
		mark := "✗ "
		if coded.Code == wizard.ExitUnreachable {
			mark = "? " // not known to be wrong: a service did not answer
		}
		fmt.Fprintln(out, mark+steps.Clean(coded.Err.Error())+sep+tf(txtExitCode, s.Lang, coded.Code))
		return m.outcome
	}
	return nil
}

// Choose asks one question with a list of answers on a small screen (which integration,
// which LINE flow) and returns the value picked; ctrl+c gives wizard.ErrInterrupted.
func Choose(ctx context.Context, lang steps.Lang, title steps.Text, options []steps.Option, o Options) (string, error) {
	if len(options) == 0 {
		return "", errors.New("nothing to choose from")
	}
	c := newChooser(lang, title, options, o)
	final, err := tea.NewProgram(c, o.programOptions(ctx)...).Run()
	if err != nil {
		if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, tea.ErrProgramKilled) || ctx.Err() != nil {
			return "", wizard.ErrInterrupted
		}
		return "", fmt.Errorf("screen: %w", err)
	}
	if fc, ok := final.(*chooser); ok {
		c = fc
	}
	if c.aborted || c.form.State != huh.StateCompleted {
		return "", wizard.ErrInterrupted
	}
	return c.value, nil
}

// chooser is the screen of Choose.
type chooser struct {
	lang    steps.Lang
	form    *huh.Form
	value   string
	aborted bool
	width   int
	noColor bool
	sandbox bool
	st      styles
	keys    keyMap
}

func newChooser(lang steps.Lang, title steps.Text, options []steps.Option, o Options) *chooser {
	c := &chooser{lang: lang, value: options[0].Value, noColor: o.NoColor || noColorEnv(), keys: newKeyMap(lang), width: o.Width, sandbox: o.Sandbox}
	c.st = newStyles(true, c.noColor)
	var opts []huh.Option[string]
	for _, op := range options {
		opts = append(opts, huh.NewOption(op.Label.In(lang), op.Value))
	}
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	c.form = huh.NewForm(huh.NewGroup(
		huh.NewSelect[string]().Title(title.In(lang)).Options(opts...).Value(&c.value),
	)).WithShowHelp(false).WithKeyMap(km).WithTheme(c.st.huhTheme)
	return c
}

func (c *chooser) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, c.form.Init()) }

func (c *chooser) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		c.st = newStyles(msg.IsDark(), c.noColor)
	case tea.WindowSizeMsg:
		c.width = msg.Width
	case tea.InterruptMsg:
		c.aborted = true
		return c, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			c.aborted = true
			return c, tea.Quit
		}
	}
	nm, cmd := c.form.Update(msg)
	if f, ok := nm.(*huh.Form); ok {
		c.form = f
	}
	if c.form.State == huh.StateCompleted {
		return c, tea.Quit
	}
	return c, cmd
}

func (c *chooser) View() tea.View {
	if c.form.State != huh.StateNormal {
		return tea.NewView("")
	}
	hint := c.st.Muted.Render("enter " + txtKeyNext.In(c.lang) + " · ctrl+c " + txtKeyQuit.In(c.lang))
	badge := ""
	if c.sandbox {
		badge = c.st.Sandbox.Render(txtSandbox.In(c.lang)) + "\n\n"
	}
	return tea.NewView(badge + c.form.View() + "\n" + hint + "\n")
}

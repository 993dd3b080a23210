package tui

import (
	"errors"
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/setup-wizard/setup-wizard/steps"
)

// binding ties one huh field to the answer key it fills.
type binding struct {
	key    string
	field  steps.Field
	str    *string
	yes    *bool
	input  *huh.Input // text, URL and secret fields: for ctrl+r
	hfield huh.Field
	text   bool // a text entry has the focus: letters are typed, not keys

	// title and desc are the field's words before wrapping; setText gives them to the
	// huh field, wrapped for Japanese (huh wraps by width only).
	title, desc string
	setText     func(title, desc string)

	// A derived value (service URLs from the shop's domain) follows the fields it comes
	// from while the operator has not changed it: auto is the value last derived,
	// tracks is false once the operator typed their own; reload shows a new value.
	auto   string
	tracks bool
	reload func()
	fit    func() // a list's box follows its number of lines
}

// listLines is the height of a list's box for value v: its lines and one to add, from 2
// to 6.
func listLines(v string) int {
	return min(max(strings.Count(strings.TrimRight(v, "\n"), "\n")+2, 2), 6)
}

func (b *binding) value() string {
	if b.yes != nil {
		if *b.yes {
			return "true"
		}
		return "false"
	}
	return strings.TrimSpace(*b.str)
}

// cleanValue makes a value given from outside (draft, answers file) safe to show in an
// input; lists keep one item per line.
func cleanValue(kind steps.Kind, v string) string {
	if kind != steps.KindList {
		return steps.Clean(v)
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = steps.Clean(l)
	}
	return strings.Join(lines, "\n")
}

// buildForm makes the huh form of the current step: its fields, prefilled with the
// answers (derived values and sandbox samples included), and its confirmation.
func (m *model) buildForm() {
	m.form, m.binds, m.formSubmitted = nil, nil, false
	cur := m.eng().Current()
	if cur == nil {
		return
	}
	l := m.lang
	var fields []huh.Field
	for _, f := range cur.Fields {
		f := f
		v := m.eng().Value(f.Key)
		if v == "" && m.s.Sandbox && f.Sample != "" {
			v = f.Sample
		}
		v = cleanValue(f.Kind, v)
		b := &binding{key: f.Key, field: f}
		switch f.Kind {
		case steps.KindConfirm:
			yes := v == "true"
			b.yes = &yes
			c := huh.NewConfirm().Key(f.Key).Affirmative(txtYes.In(l)).Negative(txtNo.In(l)).Value(b.yes)
			b.setText = func(t, d string) { c.Title(t).Description(d) }
			b.hfield = c
		case steps.KindChoice:
			if v == "" && len(f.Options) > 0 {
				v = f.Options[0].Value
			}
			b.str = &v
			var opts []huh.Option[string]
			for _, o := range f.Options {
				opts = append(opts, huh.NewOption(o.Label.In(l), o.Value))
			}
			sel := huh.NewSelect[string]().Key(f.Key).Options(opts...).Value(b.str)
			b.setText = func(t, d string) { sel.Title(t).Description(d) }
			b.hfield = sel
		case steps.KindList:
			b.str, b.text = &v, true
			txt := huh.NewText().Key(f.Key).Lines(listLines(v)).Value(b.str).Validate(m.validator(f)).ExternalEditor(false)
			b.setText = func(t, d string) { txt.Title(t).Description(d) }
			b.reload = func() { txt.Value(b.str) }
			// The box is as tall as its lines plus one, so it never shows blank room
			// scrolled past its content.
			b.fit = func() { txt.Lines(listLines(*b.str)) }
			b.hfield = txt
		default:
			b.str, b.text = &v, true
			in := huh.NewInput().Key(f.Key).Placeholder(f.Placeholder).Value(b.str).Validate(m.validator(f))
			b.setText = func(t, d string) { in.Title(t).Description(d) }
			b.reload = func() { in.Value(b.str) }
			if f.Secret() && !m.revealed {
				in.EchoMode(huh.EchoModePassword)
			}
			b.input = in
			b.hfield = in
		}
		b.title, b.desc = f.Label.In(l), f.Help.In(l)
		if f.Kind == steps.KindList {
			b.desc = strings.TrimSpace(b.desc + "\n" + txtListNewLine.In(l))
		}
		m.binds = append(m.binds, b)
		fields = append(fields, b.hfield)
	}
	if !cur.Confirm.IsZero() {
		yes := m.eng().Value(cur.ConfirmKey()) == "true"
		b := &binding{key: cur.ConfirmKey(), yes: &yes, title: cur.Confirm.In(l)}
		c := huh.NewConfirm().Key(b.key).
			Affirmative(txtYes.In(l)).Negative(txtNo.In(l)).Value(b.yes).
			Validate(func(ok bool) error {
				if !ok {
					return errors.New(txtNoConfirm.In(l))
				}
				return nil
			})
		b.setText = func(t, d string) { c.Title(t).Description(d) }
		b.hfield = c
		m.binds = append(m.binds, b)
		fields = append(fields, b.hfield)
	}
	if len(fields) == 0 {
		return
	}
	m.textW = 0
	m.setFieldTexts()
	for _, b := range m.binds {
		if b.reload != nil && b.field.Derive != nil {
			if d := m.derive(b); b.value() == "" || b.value() == d {
				b.auto, b.tracks = d, true
			}
		}
	}
	m.rederive()
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false) // ctrl+c is ours: it keeps a draft
	m.form = huh.NewForm(huh.NewGroup(fields...)).
		WithShowHelp(false).WithShowErrors(false).WithKeyMap(km).WithTheme(m.st.huhTheme)
}

// validator shows a field's errors inline, in the operator's language. Warnings do not
// stop the form; they are shown when the step is passed.
func (m *model) validator(f steps.Field) func(string) error {
	return func(v string) error {
		for _, p := range f.Check(v, m.formAnswers()) {
			if p.Severity == steps.Error {
				return errors.New(p.Message(m.lang))
			}
		}
		return nil
	}
}

// formAnswers are the engine's answers with the values on screen laid over them, so
// that a rule comparing two fields of the same step sees both.
func (m *model) formAnswers() steps.Answers {
	a := m.eng().Answers()
	for _, b := range m.binds {
		if v := b.value(); v != "" {
			a[b.key] = v
		}
	}
	return a
}

// storeValues writes every value on screen into the engine; an empty one is removed so
// that a derived value shows again.
func (m *model) storeValues() {
	for _, b := range m.binds {
		m.eng().Set(b.key, b.value())
	}
}

// focused is the binding of the focused field, nil without a form.
func (m *model) focused() *binding {
	if m.form == nil || m.form.State != huh.StateNormal {
		return nil
	}
	f := m.form.GetFocusedField()
	for _, b := range m.binds {
		if b.hfield == f {
			return b
		}
	}
	return nil
}

// textFocused reports whether typed letters belong to a field.
func (m *model) textFocused() bool {
	b := m.focused()
	return b != nil && b.text
}

// onFirstField reports whether the focus is on the step's first field (or there is no
// form), where shift+tab leaves the step.
func (m *model) onFirstField() bool {
	if m.form == nil || m.form.State != huh.StateNormal || len(m.binds) == 0 {
		return true
	}
	return m.form.GetFocusedField() == m.binds[0].hfield
}

// setReveal shows or masks every secret input.
func (m *model) setReveal(on bool) {
	m.revealed = on
	for _, b := range m.binds {
		if b.input == nil || !b.field.Secret() {
			continue
		}
		if on {
			b.input.EchoMode(huh.EchoModeNormal)
		} else {
			b.input.EchoMode(huh.EchoModePassword)
		}
	}
}

// fieldTextWidth is the room huh gives a field's title and description: the form's width
// less the field's border and padding.
func (m *model) fieldTextWidth() int {
	return max(m.paneWidth(), 20) - 2
}

// setFieldTexts gives every field its title and description, wrapped for the form's
// width in Japanese, so that huh (which wraps by width only) finds lines that already
// fit. It does nothing while the width is the one last used.
func (m *model) setFieldTexts() {
	w := m.fieldTextWidth()
	if w == m.textW {
		return
	}
	m.textW = w
	for _, b := range m.binds {
		if b.setText == nil {
			continue
		}
		b.setText(wrapFieldText(m.lang, b.title, w), wrapFieldText(m.lang, b.desc, w))
	}
}

// wrapFieldText wraps a huh field's words in Japanese; English is left to huh.
func wrapFieldText(l steps.Lang, s string, w int) string {
	if l != steps.JA || s == "" {
		return s
	}
	return wrapJA(s, max(w, 10))
}

// derive is b's derived value from what the screen holds now.
func (m *model) derive(b *binding) string {
	a := m.formAnswers()
	delete(a, b.key)
	return strings.TrimSpace(b.field.Derive(a))
}

// rederive refreshes every derived value the operator has not changed, from the values
// on screen: the service and callback URLs follow the shop's domain as it is typed. The
// focused field is left alone.
func (m *model) rederive() {
	if m.form == nil {
		return
	}
	focus := m.focused()
	for _, b := range m.binds {
		if b.fit != nil {
			b.fit()
		}
		if !b.tracks || b == focus {
			continue
		}
		if b.value() != b.auto {
			b.tracks = false // the operator's own value
			continue
		}
		if d := m.derive(b); d != b.auto {
			*b.str, b.auto = d, d
			b.reload()
		}
	}
}

// fieldErrors are the errors the form's fields show now, wrapped for the pane (huh's own
// error line would be cut off below a tall form).
func (m *model) fieldErrors(w int) []string {
	if m.form == nil || m.form.State != huh.StateNormal {
		return nil
	}
	var out []string
	for _, err := range m.form.Errors() {
		out = append(out, m.st.Error.Render(m.hang("✗ ", steps.Clean(err.Error()), w)))
	}
	return out
}

// revealedValue shows, after ctrl+r, the focused secret in full, wrapped to the pane: the
// input itself only has room for a part of a 172-character token.
func (m *model) revealedValue(w int) []string {
	b := m.focused()
	if !m.revealed || b == nil || b.str == nil || !b.field.Secret() || b.value() == "" {
		return nil
	}
	v := steps.Clean(b.value())
	return []string{"", m.st.Label.Render(tf(txtRevealed, m.lang, b.field.Label.In(m.lang))), ansi.Hardwrap(v, max(w, 10), true)}
}

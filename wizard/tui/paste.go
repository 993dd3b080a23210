package tui

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Some texts are pasted into a console in another language (NAVER's review request is
// written in Korean, the language of NAVER's form). On such a step the screen shows the
// text in full, wrapped, with what it says in the operator's language under it (the
// field's Translation); c copies the text to paste.

var (
	txtPasteText   = steps.T("The text to paste (c copies it; ctrl+y in a field)", "貼り付ける文（cでコピー、入力欄の中ではctrl+y）")
	txtPasteOwn    = steps.T("What it says, in English", "日本語での内容")
	txtPasteEdited = steps.T("You changed the text; this is what the wizard's text said.", "文を書き換えたため、この内容はウィザードが書いた文のものです。")
)

// pasteFields are the current step's fields that carry a translation (NAVER's review
// form: one per field of the form).
func (m *model) pasteFields() []steps.Field {
	var out []steps.Field
	if cur := m.eng().Current(); cur != nil {
		for _, f := range cur.Fields {
			if f.Translation != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// pasteField is the one c copies: the focused field when it carries a translation, else
// the first that does.
func (m *model) pasteField() (steps.Field, bool) {
	fs := m.pasteFields()
	if len(fs) == 0 {
		return steps.Field{}, false
	}
	if b := m.focused(); b != nil {
		for _, f := range fs {
			if f.Key == b.key {
				return f, true
			}
		}
	}
	return fs[0], true
}

// pasteText is the text to paste: the field's value as on screen (the operator may have
// changed it), else the one the answers give.
func (m *model) pasteText(f steps.Field) string {
	for _, b := range m.binds {
		if b.key == f.Key && b.str != nil {
			if v := b.value(); v != "" {
				return v
			}
		}
	}
	return m.eng().Value(f.Key)
}

// pasteBlock is the text to paste and its translation for the step's pane.
func (m *model) pasteBlock(f steps.Field, w int) []string {
	l := m.lang
	a := m.formAnswers()
	text := steps.Clean(m.pasteText(f))
	out := []string{"", m.st.Label.Render(m.wrap(f.Label.In(l), w)), m.st.Muted.Render(m.wrap(txtPasteText.In(l), w))}
	out = append(out, m.hang("  ", text, w))
	out = append(out, "", m.st.Label.Render(m.wrap(txtPasteOwn.In(l), w)))
	if f.Derive != nil && text != steps.Clean(f.Derive(a)) {
		out = append(out, m.st.Muted.Render(m.hang("  ", txtPasteEdited.In(l), w)))
	}
	out = append(out, m.hang("  ", steps.Clean(f.Translation(a, l)), w))
	return out
}

// pasteCopy is what c copies on such a step.
func (m *model) pasteCopy(f steps.Field) (label, value string) {
	return f.Label.In(m.lang), strings.TrimSpace(m.pasteText(f))
}

func (m *model) hasPasteField() bool { _, ok := m.pasteField(); return ok }

package tui

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// handRow is one value the operator copies into the platform's CMS, as the ledger lists it.
type handRow struct {
	key    string
	label  string
	value  string
	secret bool
	wrong  bool // a failed check proved it wrong
}

// handoverRows are the engine's hand-over rows for the step on screen, in l.
func (m *model) handoverRows() []handRow {
	var rows []handRow
	for _, r := range m.eng().Handover(m.eng().Current()) {
		rows = append(rows, handRow{key: r.Key, label: r.Label.In(m.lang), value: r.Value, secret: r.Secret, wrong: r.Wrong})
	}
	return rows
}

// shown is how a row's value is drawn: cleaned, and a secret masked to its first four
// characters and its length unless ctrl+r revealed it.
func (r handRow) shown(revealed bool, l steps.Lang) string {
	v := r.value
	if strings.Contains(v, "\n") {
		v = strings.Join(steps.SplitList(v), ", ")
	}
	if r.secret && !revealed {
		return steps.Clean(redactIn(l, v))
	}
	return steps.Clean(v)
}

// redactIn masks a secret for the screen in l ("djdH… (172 characters)",
// "djdH…（172文字）").
func redactIn(l steps.Lang, v string) string { return wizard.Mask(v, l) }

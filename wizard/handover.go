package wizard

import (
	"sort"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

// HandoverRow is one value the operator copies into the platform's CMS.
type HandoverRow struct {
	Key    string
	Label  steps.Text
	Value  string
	Secret bool
	// Learnt is a value a check found out (the channel ID behind the token).
	Learnt bool
	// Wrong says a failed check proved the value wrong: it must not be handed over as good.
	Wrong bool
}

// Handover lists the values collected before step at (the hand-over step) that belong in
// the config, in the order they were asked, then the values the checks learnt.
func (e *Engine) Handover(at *steps.Step) []HandoverRow {
	a := e.Answers()
	var rows []HandoverRow
	seen := map[string]bool{}
	for _, s := range e.Visible() {
		if s == at {
			break
		}
		for _, f := range s.Fields {
			if strings.HasPrefix(f.Key, "flow.") || f.Kind == steps.KindConfirm || seen[f.Key] || !config.IsKey(f.Key) {
				continue
			}
			seen[f.Key] = true
			if v := a.Get(f.Key); v != "" {
				rows = append(rows, HandoverRow{Key: f.Key, Label: f.Label, Value: v,
					Secret: f.Secret() || config.IsSecret(f.Key), Wrong: e.ledger.ProvedWrong(f.Key)})
			}
		}
	}
	var learnt []string
	for k := range a {
		if seen[k] || strings.HasPrefix(k, "flow.") || a.Get(k) == "" || !config.IsKey(k) {
			continue
		}
		if _, preset := e.flow.Preset[k]; preset {
			continue
		}
		if _, _, declared := e.flow.Field(k); declared {
			continue // asked on a later step
		}
		learnt = append(learnt, k)
	}
	sort.Strings(learnt)
	for _, k := range learnt {
		label, ok := e.flow.Learnt[k]
		if !ok {
			label = steps.T(k, k)
		}
		rows = append(rows, HandoverRow{Key: k, Label: label, Value: a.Get(k), Secret: config.IsSecret(k), Learnt: true})
	}
	return rows
}

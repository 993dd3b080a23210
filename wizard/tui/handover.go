package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

// handRow is one value the operator copies into the platform's CMS.
type handRow struct {
	key    string
	label  string
	value  string
	secret bool
}

// learntLabels names values that checks find out rather than the operator types.
var learntLabels = map[string]steps.Text{
	"line.messaging_api.channel_id": txtChannelIDLrn,
}

// handoverRows lists every value collected before the handover step that belongs in the
// config (not flow.*), in the order they were asked, then what the checks learnt.
func (m *model) handoverRows() []handRow {
	cur := m.eng().Current()
	a := m.eng().Answers()
	var rows []handRow
	seen := map[string]bool{}
	for _, s := range m.eng().Visible() {
		if s == cur {
			break
		}
		for _, f := range s.Fields {
			if strings.HasPrefix(f.Key, "flow.") || f.Kind == steps.KindConfirm || seen[f.Key] {
				continue
			}
			seen[f.Key] = true
			if v := a.Get(f.Key); v != "" {
				rows = append(rows, handRow{key: f.Key, label: f.Label.In(m.lang), value: v, secret: f.Secret() || config.IsSecret(f.Key)})
			}
		}
	}
	var learnt []string
	for k := range a {
		if seen[k] || strings.HasPrefix(k, "flow.") || a.Get(k) == "" {
			continue
		}
		if _, preset := m.eng().Flow().Preset[k]; preset {
			continue
		}
		if _, _, declared := m.eng().Flow().Field(k); declared {
			continue // asked on a later step
		}
		learnt = append(learnt, k)
	}
	sort.Strings(learnt)
	for _, k := range learnt {
		label := k
		if t, ok := learntLabels[k]; ok {
			label = t.In(m.lang)
		}
		rows = append(rows, handRow{key: k, label: label, value: a.Get(k), secret: config.IsSecret(k)})
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

// redactIn masks a secret for the screen in l: config.RedactValue in English
// ("djdH… (172 characters)"), the same shape in Japanese ("djdH…（172文字）").
func redactIn(l steps.Lang, v string) string {
	if l != steps.JA {
		return config.RedactValue(v)
	}
	r := []rune(v)
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 8:
		return fmt.Sprintf("…（%d文字）", len(r))
	}
	return fmt.Sprintf("%s…（%d文字）", string(r[:4]), len(r))
}

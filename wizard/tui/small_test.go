package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// squeeze drops every space and line break, so that text wrapped for the screen can be
// compared with the text as declared.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '┃' || r == '│' {
			return -1
		}
		return r
	}, s)
}

// tail is the last n runes of s.
func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(len(r)-n, 0):])
}

// TestEveryStepReachableOnSmallScreens: at 60×20 and 40×12, in both languages, every step
// of every flow shows its title, pgdn reads its instructions to the end, and each of its
// fields shows its label when it has the focus.
func TestEveryStepReachableOnSmallScreens(t *testing.T) {
	flows := []*steps.Flow{line.FlowNew(), line.FlowSwitch(), naver.Flow()}
	for _, fl := range flows {
		a := steps.Answers{}
		for _, st := range fl.Steps {
			for _, f := range st.Fields {
				if f.Sample != "" {
					a[f.Key] = f.Sample
				}
			}
		}
		for _, size := range [][2]int{{60, 20}, {40, 12}} {
			for _, l := range []steps.Lang{steps.EN, steps.JA} {
				for _, st := range fl.Steps {
					t.Run(fmt.Sprintf("%s/%dx%d/%s/%s", fl.ID, size[0], size[1], l, st.ID), func(t *testing.T) {
						s := &wizard.Session{
							Engine: wizard.Resume(fl, wizard.Draft{Flow: fl.ID, Step: st.ID, Answers: a.Clone()}),
							Lang:   l,
						}
						if s.Engine.Current() != st {
							t.Skip("skipped for these answers")
						}
						u := start(t, s, size[0], size[1])
						var first string
						if len(st.Fields) > 0 {
							first = st.Fields[0].Key
						} else if !st.Confirm.IsZero() {
							first = st.ConfirmKey()
						}
						sn := u.waitFocus(first)
						title := []rune(st.Title.In(l))
						if !strings.Contains(sn.screen, string(title[:min(len(title), 10)])) {
							t.Errorf("title not in sight:\n%s", sn.screen)
						}
						// pgdn reads the instructions to their end.
						var read strings.Builder
						for i := 0; i < 40; i++ {
							u.send(pgdown)
							sn = u.wait("the next page", func(s snap) bool { return s.screen != sn.screen })
							read.WriteString(sn.screen)
							if strings.Contains(sn.screen, txtReadEnd.In(l)) || strings.Contains(sn.screen, "(end)") {
								break
							}
						}
						if body := squeeze(st.Body.In(l)); body != "" && !strings.Contains(squeeze(read.String()), tail(body, 12)) {
							t.Errorf("the end of the instructions (%q) is never shown; last page:\n%s", tail(body, 12), sn.screen)
						}
						u.send(letter('x')) // back to the fields
						u.wait("the fields again", func(s snap) bool { return !strings.Contains(s.screen, txtReadEnd.In(l)) })
						// Each field shows its label when it has the focus.
						keys := []string{}
						labels := []string{}
						confirm := map[string]bool{}
						for _, f := range st.Fields {
							keys, labels = append(keys, f.Key), append(labels, f.Label.In(l))
							confirm[f.Key] = f.Kind == steps.KindConfirm
						}
						if !st.Confirm.IsZero() {
							keys, labels = append(keys, st.ConfirmKey()), append(labels, st.Confirm.In(l))
							confirm[st.ConfirmKey()] = true
						}
						for i, k := range keys {
							sn = u.waitFocus(k)
							label := squeeze(string([]rune(labels[i])[:min(len([]rune(labels[i])), 12)]))
							if !strings.Contains(squeeze(sn.screen), label) {
								t.Errorf("field %s: its label %q is not in sight:\n%s", k, label, sn.screen)
							}
							if confirm[k] && !strings.Contains(sn.screen, txtYes.In(l)+"     "+txtNo.In(l)) {
								t.Errorf("field %s: its yes/no buttons are not in sight:\n%s", k, sn.screen)
							}
							if i < len(keys)-1 {
								u.send(tab)
							}
						}
						u.send(ctrlC)
						u.finish()
					})
				}
			}
		}
	}
}

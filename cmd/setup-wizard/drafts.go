package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// draftsOptions are the flags of `setup-wizard drafts`.
type draftsOptions struct {
	App *App
	Dir string // the state directory; empty: wizard.StateDir
	Rm  []string
	All bool
}

func newDraftsCmd(a *App, runF func(*draftsOptions) error) *cobra.Command {
	opts := &draftsOptions{App: a}
	cmd := &cobra.Command{
		Use:     "drafts [--rm ID]... [--all]",
		Short:   a.text(helpDraftsShort),
		Long:    a.text(helpDraftsLong),
		Example: "  setup-wizard drafts\n  setup-wizard drafts --rm line.new-1a2b3c4d5e6f\n  setup-wizard drafts --all",
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Dir == "" {
				dir, err := wizard.StateDir()
				if err != nil {
					return err
				}
				opts.Dir = dir
			}
			if runF != nil {
				return runF(opts)
			}
			return draftsRun(opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.Rm, "rm", nil, a.text(flagDraftRm))
	cmd.Flags().BoolVar(&opts.All, "all", false, a.text(flagDraftAll))
	_ = cmd.RegisterFlagCompletionFunc("rm", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		if dir, err := wizard.StateDir(); err == nil {
			for _, d := range listDrafts(dir) {
				ids = append(ids, d.id)
			}
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// savedDraft is one draft file found in the state directory.
type savedDraft struct {
	id, path string
	draft    wizard.Draft
	broken   error
}

// listDrafts finds every draft under dir (sandbox ones may live in a folder of their own),
// oldest first.
func listDrafts(dir string) []savedDraft {
	var out []savedDraft
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		name := d.Name()
		if !strings.HasPrefix(name, "draft-") || !strings.HasSuffix(name, ".json") {
			return nil
		}
		sd := savedDraft{id: strings.TrimSuffix(strings.TrimPrefix(name, "draft-"), ".json"), path: p}
		if b, err := os.ReadFile(p); err != nil {
			sd.broken = err
		} else if err := json.Unmarshal(b, &sd.draft); err != nil {
			sd.broken = err
		}
		if rel, err := filepath.Rel(dir, filepath.Dir(p)); err == nil && strings.Contains(rel, "sandbox") {
			sd.draft.Sandbox = true
		}
		out = append(out, sd)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].draft.Saved.Before(out[j].draft.Saved) })
	return out
}

func draftsRun(o *draftsOptions) error {
	a := o.App
	drafts := listDrafts(o.Dir)
	if o.All || len(o.Rm) > 0 {
		byID := map[string]savedDraft{}
		for _, d := range drafts {
			byID[d.id] = d
		}
		var remove []savedDraft
		if o.All {
			remove = drafts
		}
		for _, id := range o.Rm {
			d, ok := byID[id]
			if !ok {
				return usagef(a.text(msgNoSuchDraft), id)
			}
			remove = append(remove, d)
		}
		for _, d := range remove {
			if err := os.Remove(d.path); err != nil && !os.IsNotExist(err) {
				return err
			}
			fmt.Fprintf(a.IO.Err, a.text(msgDraftRemoved)+"\n", d.id)
		}
		return nil
	}
	if len(drafts) == 0 {
		fmt.Fprintln(a.IO.Err, a.text(msgNoDrafts))
		return nil
	}
	head := []string{"ID", "FLOW", "STEP", "CONFIG", "AGE", "MODE"}
	if a.lang == steps.JA {
		head = []string{"ID", "手順", "ステップ", "設定ファイル", "経過", "モード"}
	}
	rows := [][]string{head}
	now := a.now()
	for _, d := range drafts {
		mode := a.text(txtReal)
		if d.draft.Sandbox {
			mode = a.text(txtSandbox)
		}
		if d.broken != nil {
			rows = append(rows, []string{d.id, "-", "-", "-", "-", a.text(txtBroken)})
			continue
		}
		rows = append(rows, []string{d.id, orDash(d.draft.Flow), orDash(stepName(d.draft.Flow, d.draft.Step, a.lang)), orDash(d.draft.Config), draftAge(d.draft.Saved, now, a.lang), mode})
	}
	var b strings.Builder
	writeColumns(&b, rows)
	// A draft file is read back from disk: its step and path are shown stripped, and no
	// secret it holds can appear in the listing.
	for _, d := range drafts {
		a.remember(d.draft.Answers)
	}
	_, err := fmt.Fprint(a.IO.Out, a.Secrets.Text(b.String()))
	return err
}

// stepName is the step's id with its title ("line.chat_on Switch Chat on").
func stepName(flow, step string, l steps.Lang) string {
	if step == "" {
		return ""
	}
	if t := stepTitle(step).In(l); t != "" {
		return truncateWidth(step+" "+t, 40)
	}
	return step
}

// draftAge is the AGE column: "-" for a draft that does not say when it was saved (a
// hand-made or damaged file), which would otherwise read as 106751 days.
func draftAge(saved, now time.Time, l steps.Lang) string {
	if saved.IsZero() {
		return "-"
	}
	return age(now.Sub(saved), l)
}

// age says how long ago in the largest unit: 5m, 3h, 2d.
func age(d time.Duration, l steps.Lang) string {
	d = max(d, 0)
	var n int
	var unit steps.Text
	switch {
	case d < time.Hour:
		n, unit = int(d/time.Minute), steps.T("m", "分")
	case d < 48*time.Hour:
		n, unit = int(d/time.Hour), steps.T("h", "時間")
	default:
		n, unit = int(d/(24*time.Hour)), steps.T("d", "日")
	}
	return fmt.Sprintf("%d%s", n, unit.In(l))
}

// now is the clock of the commands; tests inject one.
func (a *App) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

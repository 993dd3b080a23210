package wizard

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Draft is a walk left half-way: the flow, the step on screen and every answer so far
// but the secrets. A draft lingers in the state directory where the operator does not
// see it, so no secret value is ever stored in it (channel access token, channel
// secrets, NAVER client secret): Retype names the secrets that were typed during the
// walk and are asked for again, at their step, on resume. Secrets that came from the
// environment, a --…-file, the answers or the config file come back from there.
// It is still written like the config: 0600, atomically.
type Draft struct {
	Flow    string        `json:"flow"`
	Step    string        `json:"step"`
	Answers steps.Answers `json:"answers"`
	// Retype lists, sorted, the secret keys typed during the walk that the draft left
	// out: the key names only, never a value.
	Retype []string  `json:"retype,omitempty"`
	Saved  time.Time `json:"saved"`
	// Config is the config file the walk writes, and Sandbox whether it runs against the
	// emulator: `setup-wizard drafts` lists them.
	Config  string `json:"config,omitempty"`
	Sandbox bool   `json:"sandbox,omitempty"`
}

// DraftFile is where the draft for one flow and one config file lives.
type DraftFile struct {
	Path string
	// Flow and Given, when set (Scope), limit what the draft stores: see Scope.
	Flow  *steps.Flow
	Given steps.Answers
}

// Scope limits what the draft of flow stores to the values of this flow, and of its
// secrets to those typed during the walk. A secret that came from the environment, a
// --…-file, the answers or the config file (given) is not copied into the state
// directory: Load puts it back from given, where it comes from again on resume. Another
// provider's values, secrets above all, are never stored.
func (d *DraftFile) Scope(flow *steps.Flow, given steps.Answers) *DraftFile {
	d.Flow, d.Given = flow, given.Clone()
	return d
}

// keep tells whether the draft may store key: never a secret, and with Scope only the
// values of the flow.
func (d *DraftFile) keep(key string) bool {
	if config.IsSecret(key) {
		return false
	}
	if d.Flow == nil {
		return true
	}
	_, _, ok := d.Flow.Field(key)
	return ok || strings.HasPrefix(key, d.Flow.Provider+".") || strings.HasPrefix(key, "flow.")
}

// scoped is what the draft stores of a, and the secrets of a it leaves out that were
// typed (not given: those come back from where they came).
func (d *DraftFile) scoped(a steps.Answers) (out steps.Answers, retype []string) {
	out = steps.Answers{}
	for k, v := range a {
		switch {
		case d.keep(k):
			out[k] = v
		case config.IsSecret(k) && v != "" && d.Given.Get(k) != v && (d.Flow == nil || d.inFlow(k)):
			retype = append(retype, k)
		}
	}
	slices.Sort(retype)
	return out, retype
}

func (d *DraftFile) inFlow(key string) bool {
	_, _, ok := d.Flow.Field(key)
	return ok
}

// StateDir is $XDG_STATE_HOME/setup-wizard, or ~/.local/state/setup-wizard. Drafts there
// hold secrets, so a directory that already exists with access for others (0777, say)
// is tightened to 0700; one that cannot be tightened is refused. A missing one is created
// 0700 by the first write.
func StateDir() (string, error) {
	dir := ""
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		dir = filepath.Join(d, "setup-wizard")
	} else {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no place for drafts: %w", err)
		}
		dir = filepath.Join(home, ".local", "state", "setup-wizard")
	}
	if err := tighten(dir); err != nil {
		return "", err
	}
	return dir, nil
}

func tighten(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory; drafts are off", dir)
	}
	if runtime.GOOS == "windows" || fi.Mode().Perm()&0o077 == 0 {
		return nil // Windows has no such bits; its ACLs are left alone
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("%s is open to other users (%#o) and cannot be made private (%v); drafts are off", dir, fi.Mode().Perm(), err)
	}
	return nil
}

// DraftFor names the draft of flow for the config file at configPath: walks for two
// different config files never share a draft.
func DraftFor(dir, flow, configPath string) *DraftFile {
	abs, err := filepath.Abs(configPath)
	if err != nil {
		abs = configPath
	}
	sum := sha256.Sum256([]byte(abs))
	return &DraftFile{Path: filepath.Join(dir, fmt.Sprintf("draft-%s-%s.json", flow, hex.EncodeToString(sum[:])[:12]))}
}

// Load reads the draft; ok is false when there is none.
func (d *DraftFile) Load() (dr Draft, ok bool, err error) {
	b, err := os.ReadFile(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, err
	}
	if err := json.Unmarshal(b, &dr); err != nil {
		return Draft{}, false, fmt.Errorf("draft %s is damaged (%v); start with --fresh to ignore it", d.Path, err)
	}
	// A draft of an older version may hold what Scope leaves out: a secret it held is
	// asked for again like one it left out.
	kept, retype := d.scoped(dr.Answers)
	dr.Retype = append(dr.Retype, retype...)
	if d.Flow != nil {
		// What was given this time fills what the draft does not say.
		ans := d.Given.Clone()
		for k, v := range kept {
			ans[k] = v
		}
		kept = ans
	}
	dr.Answers = kept
	// A secret typed during the walk replaced what was given, if anything: it is asked
	// for again, not taken from the environment or the sandbox's samples.
	dr.Retype = slices.DeleteFunc(dr.Retype, func(k string) bool { return !config.IsSecret(k) })
	for _, k := range dr.Retype {
		delete(dr.Answers, k)
	}
	slices.Sort(dr.Retype)
	dr.Retype = slices.Compact(dr.Retype)
	return dr, true, nil
}

// Save writes the draft atomically with mode 0600.
func (d *DraftFile) Save(dr Draft) error {
	if dr.Saved.IsZero() {
		dr.Saved = time.Now().UTC()
	}
	var retype []string
	dr.Answers, retype = d.scoped(dr.Answers)
	// A secret still to be typed again since the last resume stays listed.
	for _, k := range dr.Retype {
		if config.IsSecret(k) && d.Given.Get(k) == "" {
			retype = append(retype, k)
		}
	}
	slices.Sort(retype)
	dr.Retype = slices.Compact(retype)
	b, err := json.MarshalIndent(dr, "", "  ")
	if err != nil {
		return err
	}
	return config.WriteAtomic(d.Path, b, false)
}

// Delete removes the draft once the config is written.
func (d *DraftFile) Delete() error {
	err := os.Remove(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Resume puts the engine back at the draft's step with its answers; when the draft left
// out secrets typed before that step (Retype), at the first step that asks for one of
// them, as replay does with a redacted file: they are typed again there.
func Resume(flow *steps.Flow, dr Draft) *Engine {
	e := New(flow, dr.Answers)
	e.retype = slices.Clone(dr.Retype)
	if st := retypeStep(e, dr); st != "" {
		dr.Step = st
	}
	if dr.Step != "" && !e.GoTo(dr.Step) {
		// The step is gone or now skipped: start again at the first visible step, with
		// the answers but nothing shown as passed.
		return e
	}
	// Every step before the saved one was passed; all of them when the walk had ended.
	for _, s := range e.Visible() {
		if s.ID == dr.Step {
			break
		}
		e.done[s.ID] = true
	}
	if dr.Step == "" {
		e.pos = len(flow.Steps)
	}
	return e
}

// retypeStep is the first visible step, at or before the draft's, that asks for a
// secret of dr.Retype; "" when there is none.
func retypeStep(e *Engine, dr Draft) string {
	for _, s := range e.Visible() {
		for _, k := range dr.Retype {
			if _, st, ok := e.flow.Field(k); ok && st.ID == s.ID && e.Value(k) == "" {
				return s.ID
			}
		}
		if s.ID == dr.Step {
			break
		}
	}
	return ""
}

// Retype lists the secrets a resumed draft left out that are still to be typed again.
func (e *Engine) Retype() []string {
	var out []string
	for _, k := range e.retype {
		if e.Value(k) == "" {
			out = append(out, k)
		}
	}
	return out
}

// Exists tells whether a draft is on disk, to resume with the next run.
func (d *DraftFile) Exists() bool {
	fi, err := os.Stat(d.Path)
	return err == nil && fi.Mode().IsRegular()
}

var txtRetype = steps.T(
	"Secrets are not kept in drafts, so these are asked for again at their step: %s.",
	"シークレットは途中の内容に保存しないため、次の項目はそのステップでもう一度入力が必要です：%s。")

// RetypeNote says, in l, which secrets the draft left out and will be asked for again
// (by their field names in flow); "" when none.
func (dr Draft) RetypeNote(flow *steps.Flow, l steps.Lang) string {
	if len(dr.Retype) == 0 {
		return ""
	}
	names := make([]string, 0, len(dr.Retype))
	for _, k := range dr.Retype {
		name := k
		if f, _, ok := flow.Field(k); ok && f.Label.In(l) != "" {
			name = f.Label.In(l)
		}
		if l == steps.JA {
			name = "「" + name + "」"
		}
		names = append(names, name)
	}
	sep := ", "
	if l == steps.JA {
		sep = "、"
	}
	return fmt.Sprintf(txtRetype.In(l), strings.Join(names, sep))
}

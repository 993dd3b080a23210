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
	"strings"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Draft is a walk left half-way: the flow, the step on screen and every answer so far.
// It holds secrets, so it is written like the config: 0600, atomically.
type Draft struct {
	Flow    string        `json:"flow"`
	Step    string        `json:"step"`
	Answers steps.Answers `json:"answers"`
	Saved   time.Time     `json:"saved"`
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

// keep tells whether the draft may store key=value.
func (d *DraftFile) keep(key, value string) bool {
	if d.Flow == nil {
		return true
	}
	if _, _, ok := d.Flow.Field(key); !ok && !strings.HasPrefix(key, d.Flow.Provider+".") && !strings.HasPrefix(key, "flow.") {
		return false
	}
	return !config.IsSecret(key) || d.Given.Get(key) != value
}

func (d *DraftFile) scoped(a steps.Answers) steps.Answers {
	out := steps.Answers{}
	for k, v := range a {
		if d.keep(k, v) {
			out[k] = v
		}
	}
	return out
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
	if d.Flow != nil {
		// A draft of an older version may hold what Scope leaves out; what was given
		// this time fills what the draft does not say.
		ans := d.Given.Clone()
		for k, v := range d.scoped(dr.Answers) {
			ans[k] = v
		}
		dr.Answers = ans
	}
	return dr, true, nil
}

// Save writes the draft atomically with mode 0600.
func (d *DraftFile) Save(dr Draft) error {
	if dr.Saved.IsZero() {
		dr.Saved = time.Now().UTC()
	}
	dr.Answers = d.scoped(dr.Answers)
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

// Resume puts the engine back at the draft's step with its answers.
func Resume(flow *steps.Flow, dr Draft) *Engine {
	e := New(flow, dr.Answers)
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

// Exists tells whether a draft is on disk, to resume with the next run.
func (d *DraftFile) Exists() bool {
	fi, err := os.Stat(d.Path)
	return err == nil && fi.Mode().IsRegular()
}

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
}

// StateDir is $XDG_STATE_HOME/setup-wizard, or ~/.local/state/setup-wizard.
func StateDir() (string, error) {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "setup-wizard"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no place for drafts: %w", err)
	}
	return filepath.Join(home, ".local", "state", "setup-wizard"), nil
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
	return dr, true, nil
}

// Save writes the draft atomically with mode 0600.
func (d *DraftFile) Save(dr Draft) error {
	if dr.Saved.IsZero() {
		dr.Saved = time.Now().UTC()
	}
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

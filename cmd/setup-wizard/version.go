package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; when it is not,
// the version comes from the build info: the module version under `go install …@v1.2.3`,
// or a pseudo-version from the git checkout under `go build`.
var version = ""

// buildInfo is what `setup-wizard version` reports.
type buildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit"`
	Date     string `json:"date"`
	Modified bool   `json:"modified"`
	Go       string `json:"go"`
	Platform string `json:"platform"`
}

// readBuildInfo reads the version, the commit and its date from the binary itself.
func readBuildInfo() buildInfo {
	b := buildInfo{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	info, ok := debug.ReadBuildInfo()
	if ok {
		if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value
			case "vcs.time":
				b.Date = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true"
			}
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	return b
}

// toolVersion is the version named in reports and the User-Agent.
func toolVersion() string { return readBuildInfo().Version }

// String is the human form: "setup-wizard v1.2.3 (commit 1a2b3c4d5e6f, 2026-01-01T00:00:00Z) go1.26 linux/amd64".
func (b buildInfo) String() string {
	var extra []string
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if b.Modified {
			c += "+modified"
		}
		extra = append(extra, "commit "+c)
	}
	if b.Date != "" {
		extra = append(extra, b.Date)
	}
	s := "setup-wizard " + b.Version
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s + " " + b.Go + " " + b.Platform
}

type versionOptions struct {
	Out  io.Writer
	JSON bool
}

func newVersionCmd(a *App, runF func(*versionOptions) error) *cobra.Command {
	opts := &versionOptions{}
	cmd := &cobra.Command{
		Use:   "version",
		Short: a.text(helpVersionShort),
		Long:  a.text(helpVersionLong),
		Args:  a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.Out = a.IO.Out
			if runF != nil {
				return runF(opts)
			}
			return versionRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, a.text(flagVersionJSON))
	return cmd
}

func versionRun(opts *versionOptions) error {
	b := readBuildInfo()
	if opts.JSON {
		return json.NewEncoder(opts.Out).Encode(b)
	}
	_, err := fmt.Fprintln(opts.Out, b.String())
	return err
}

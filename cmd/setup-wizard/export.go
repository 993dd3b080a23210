package main

import (
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
)

// exportOptions are the flags of `setup-wizard export`.
type exportOptions struct {
	App    *App
	Config string
	Format string
	Redact bool
	Force  bool
	// TTY tells whether stdout is a terminal, where secrets may be shown in full.
	TTY bool
}

func newExportCmd(a *App, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{App: a}
	cmd := &cobra.Command{
		Use:     "export [-c FILE] [--format yaml|json|env]",
		Short:   a.text(helpExportShort),
		Long:    a.text(helpExportLong),
		Example: a.text(helpExportExample),
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch opts.Format {
			case "yaml", "json", "env":
			default:
				return usagef(a.text(msgBadFormat), opts.Format)
			}
			opts.TTY = isTerminal(a.IO.Out)
			if !opts.Redact && !opts.TTY && !opts.Force {
				return usagef("%s", a.text(msgExportNeedsForce))
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Config, "config", "c", "setup-wizard.yaml", a.text(flagExportConfig))
	f.StringVar(&opts.Format, "format", "yaml", a.text(flagFormat))
	f.BoolVar(&opts.Redact, "redact", true, a.text(flagRedact))
	f.BoolVar(&opts.Force, "force", false, a.text(flagForce))
	_ = cmd.RegisterFlagCompletionFunc("format", fixedValues("yaml", "json", "env"))
	return cmd
}

func exportRun(o *exportOptions) error {
	c, err := loadConfigAt(o.App, o.Config)
	if err != nil {
		return err
	}
	if o.Redact {
		c = c.Redacted()
	} else {
		c = c.Scrubbed(o.App.Secrets) // the secrets in their own fields only
	}
	var out []byte
	switch o.Format {
	case "yaml":
		out, err = c.Marshal()
	case "json":
		var y []byte
		if y, err = c.Marshal(); err == nil {
			out, err = yaml.YAMLToJSON(y)
			out = append(out, '\n')
		}
	case "env":
		out = []byte(dotenv(c))
	}
	if err != nil {
		return err
	}
	_, err = o.App.IO.Out.Write(out)
	return err
}

// dotenv writes every value as KEY=value, the key's variable named by config.EnvName
// (LINE_CHANNEL_ACCESS_TOKEN…); lists are comma-separated.
func dotenv(c *config.Config) string {
	var b strings.Builder
	vals := c.Values()
	for _, k := range config.Keys() {
		v, ok := vals[k]
		if !ok {
			continue
		}
		v = strings.ReplaceAll(v, "\n", ",")
		fmt.Fprintf(&b, "%s=%s\n", config.EnvName(k), dotenvQuote(v))
	}
	return b.String()
}

// dotenvQuote leaves a plain value bare and double-quotes any other, escaping what a
// dotenv reader or a shell would expand.
func dotenvQuote(v string) string {
	plain := true
	for _, r := range v {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_./:@%+,=-", r)) {
			plain = false
			break
		}
	}
	if plain {
		return v
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "`", "\\`", "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}

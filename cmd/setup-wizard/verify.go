package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func newVerifyCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Re-run every live check on a config file and record the results in it",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := a.loadConfig()
			if err != nil {
				return err
			}
			answers := steps.Answers(c.Values())
			if len(answers) == 0 {
				return usagef("%s", fmt.Sprintf(a.text(msgNothingToVerify), a.ConfigPath))
			}
			if a.SetWebhook {
				answers["flow.line.set_webhook"] = "true"
			}
			urls, closeSandbox, err := a.apiURLs(cmd.Context())
			if err != nil {
				return err
			}
			defer closeSandbox()
			a.sandboxBanner()
			suite := a.suite(urls)
			var lastProgress string
			results := suite.RunAll(cmd.Context(), answers, func(ev verify.Event) {
				if ev.Kind == verify.Progress && !a.JSON {
					if m := ev.Message.In(a.lang); m != lastProgress {
						lastProgress = m
						fmt.Fprintln(a.IO.Err, steps.Clean(m))
					}
				}
			})
			if cmd.Context().Err() != nil {
				return wizard.ErrInterrupted
			}
			if a.JSON {
				err = verify.WriteJSON(a.IO.Out, results, a.lang)
			} else {
				err = verify.WriteTextNamed(a.IO.Out, results, a.lang, stepTitle)
			}
			if err != nil {
				return err
			}
			for _, p := range []string{"line", "naver"} {
				var mine []verify.Result
				for _, r := range results {
					if strings.HasPrefix(r.ID, p+".") {
						mine = append(mine, r)
					}
				}
				if mine != nil {
					c.Verification = mergeVerification(c.Verification, p, mine, a.lang)
				}
			}
			if err := config.Save(a.ConfigPath, c); err != nil {
				return fmt.Errorf("%s: %w", a.text(msgRecordFailed), err)
			}
			if code := verify.ExitCode(results); code != 0 {
				return &reported{code: code, err: errors.New("a live check did not pass")}
			}
			return nil
		},
	}
}

func newExportCmd(a *App) *cobra.Command {
	var redact bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print the config file with every secret shortened to its first four characters and length",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, err := a.loadConfig()
			if err != nil {
				return err
			}
			if redact {
				c = c.Redacted()
			} else {
				c = c.Scrubbed(a.Secrets) // the secrets in their own fields only
			}
			b, err := c.Marshal()
			if err != nil {
				return err
			}
			_, err = a.IO.Out.Write(b)
			return err
		},
	}
	cmd.Flags().BoolVar(&redact, "redact", true, "replace secrets by their first four characters and length (--redact=false prints them)")
	return cmd
}

// stepTitle names a step in the user's words for the report ("③ Switch Chat on").
func stepTitle(id string) steps.Text {
	for _, fl := range append(line.Flows(), naver.Flow()) {
		if s := fl.Step(id); s != nil {
			return s.Title
		}
	}
	return steps.Text{}
}

// loadConfig reads the -c file for verify and export.
func (a *App) loadConfig() (*config.Config, error) {
	c, err := config.Load(a.ConfigPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usagef(a.text(msgNoConfig), a.ConfigPath)
	}
	if err == nil {
		a.remember(c.Values())
	}
	return c, err
}

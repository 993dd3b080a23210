package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard/plain"
)

// App holds the global flags and what every command shares.
type App struct {
	IO     *IO
	Getenv func(string) string

	ConfigPath     string
	AnswersPath    string
	NonInteractive bool
	JSON           bool
	LangFlag       string
	NoBrowser      bool
	Accessible     bool
	Sandbox        bool
	SetWebhook     bool
	Fresh          bool
	Debug          bool
	Timeout        time.Duration
	InputTimeout   time.Duration
	SecretFiles    map[string]*string // config key → --…-file flag value
	// Secrets knows every secret of the run (env, files, answers, config, typed) and
	// masks them in everything the program prints or saves besides the secrets' own fields.
	Secrets *redact.Set

	lang    steps.Lang
	ttyOnce sync.Once
	tty     *os.File
	// input is the one reader of piped or typed answers for the whole run.
	inputOnce sync.Once
	input     *plain.Input
}

// secretFileFlags lets secrets come from files so that they never need to be in argv.
var secretFileFlags = []struct{ flag, key, env string }{
	{"channel-access-token-file", "line.messaging_api.channel_access_token", "LINE_CHANNEL_ACCESS_TOKEN"},
	{"channel-secret-file", "line.messaging_api.channel_secret", "LINE_CHANNEL_SECRET"},
	{"login-channel-secret-file", "line.login.channel_secret", "LINE_LOGIN_CHANNEL_SECRET"},
	{"naver-client-secret-file", "naver.client_secret", "NAVER_CLIENT_SECRET"},
}

func newRootCmd(a *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "setup-wizard [line|naver]",
		Short: "Connect a shop to LINE or NAVER Login, step by step, with every value checked",
		Long: `setup-wizard walks you through connecting your shop to LINE (Official Account,
Messaging API and LINE Login channels) or to NAVER Login, one console step per screen.
It checks every value as you enter it, checks it live against LINE's and NAVER's APIs,
sets what the APIs allow (the webhook URL), and writes one config file.

Try it offline first:  setup-wizard --sandbox` + sandboxHelp(),
		Version:           version,
		SilenceUsage:      true,
		SilenceErrors:     true,
		Args:              cobra.MaximumNArgs(1),
		ValidArgs:         []string{"line", "naver"},
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error { return a.setup(cmd) },
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return usagef("unknown command %q: use \"line\" or \"naver\"", args[0])
			}
			return a.runChooser(cmd.Context())
		},
	}
	root.SetVersionTemplate("setup-wizard {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{msg: err.Error()} })

	f := root.PersistentFlags()
	f.StringVarP(&a.ConfigPath, "config", "c", "setup-wizard.yaml", "config file to write or read")
	f.StringVar(&a.AnswersPath, "answers", "", "pre-filled answers: a file with the config file's schema")
	f.BoolVar(&a.NonInteractive, "non-interactive", false, "never prompt; a missing or invalid value is an error (exit 2)")
	f.BoolVar(&a.JSON, "json", false, "machine-readable report on stdout")
	f.StringVar(&a.LangFlag, "lang", "", "language of the screens: ja or en (default from LC_ALL/LANG, else en)")
	f.BoolVar(&a.NoBrowser, "no-browser", false, "never launch a browser; print console URLs instead")
	f.BoolVar(&a.Accessible, "accessible", false, "plain prompts for screen readers (also ACCESSIBLE=1 or TERM=dumb)")
	f.BoolVar(&a.Sandbox, "sandbox", false, "run against the built-in LINE and NAVER emulator; nothing leaves this machine")
	f.BoolVar(&a.SetWebhook, "set-webhook", false, "write the webhook URL through the LINE API without asking")
	f.BoolVar(&a.Fresh, "fresh", false, "ignore a saved draft and start from the first step")
	f.BoolVar(&a.Debug, "debug", false, "trace API requests on stderr, secrets redacted (also SETUP_WIZARD_DEBUG=1)")
	f.DurationVar(&a.Timeout, "timeout", 10*time.Second, "time limit of each live check")
	f.DurationVar(&a.InputTimeout, "input-timeout", 10*time.Second, "with --accessible and answers piped on stdin: stop (exit 2, naming the missing keys) when no answer arrives for this long; 0 waits for ever")
	a.SecretFiles = map[string]*string{}
	for _, s := range secretFileFlags {
		p := new(string)
		a.SecretFiles[s.key] = p
		f.StringVar(p, s.flag, "", "read the value of "+s.key+" from this file (or set "+s.env+")")
	}

	root.AddCommand(newLineCmd(a), newNaverCmd(a), newVerifyCmd(a), newExportCmd(a))
	return root
}

// setup reads what every command needs: the language, the debug switch.
func (a *App) setup(cmd *cobra.Command) error {
	a.lang = steps.EN
	if a.LangFlag != "" {
		l, ok := steps.ParseLang(a.LangFlag)
		if !ok {
			return usagef("--lang %q is not supported: use ja or en", a.LangFlag)
		}
		a.lang = l
	} else {
		for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if v := a.Getenv(env); v != "" {
				if l, ok := steps.ParseLang(v); ok {
					a.lang = l
				}
				break
			}
		}
	}
	if a.Secrets == nil {
		a.Secrets = redact.New()
	}
	for _, s := range secretFileFlags {
		a.Secrets.Add(a.Getenv(s.env)) // known even when the flow does not use it
	}
	if v := a.Getenv("SETUP_WIZARD_DEBUG"); v != "" && v != "0" && !cmd.Flags().Changed("debug") {
		a.Debug = true
	}
	if !a.Accessible && (truthy(a.Getenv("ACCESSIBLE")) || a.Getenv("TERM") == "dumb") {
		a.Accessible = true
	}
	if a.InputTimeout < 0 {
		return usagef("--input-timeout must be 0 (wait for ever) or more (for example 10s)")
	}
	if a.Timeout <= 0 {
		return usagef("--timeout must be more than 0 (for example 10s)")
	}
	return nil
}

func truthy(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return v != "" && v != "0" && v != "false" && v != "no"
}

// text picks a chrome message in the user's language.
func (a *App) text(t steps.Text) string { return t.In(a.lang) }

// isCobraUsage tells cobra's own complaints about the command line.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "invalid argument", "flag needs"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// readSecretFile reads a --…-file flag; a trailing new line is not part of the secret.
func readSecretFile(flag, path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", usagef("--%s: %v", flag, err)
	}
	v := strings.TrimRight(string(b), "\r\n")
	if strings.TrimSpace(v) == "" {
		return "", usagef("--%s: %s is empty", flag, path)
	}
	return v, nil
}

// remember makes the secret values among values known to a.Secrets.
func (a *App) remember(values map[string]string) {
	if a.Secrets == nil {
		a.Secrets = redact.New()
	}
	for _, k := range config.SecretKeys() {
		if v := values[k]; v != "" {
			a.Secrets.Add(v)
		}
	}
}

func flagFor(key string) string {
	for _, s := range secretFileFlags {
		if s.key == key {
			return s.flag
		}
	}
	return key
}

// sandboxHelp lists the emulator's knobs, so a newcomer can see each failure offline.
func sandboxHelp() string {
	var b strings.Builder
	b.WriteString("\n\nWith --sandbox, SETUP_WIZARD_SANDBOX_FAULTS=knob,knob makes the emulator fail:\n")
	for _, k := range sandboxKnobs() {
		fmt.Fprintf(&b, "  %-32s %s\n", k.Name, k.Help)
	}
	return strings.TrimRight(b.String(), "\n")
}

package main

import (
	"cmp"
	"fmt"
	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
	"github.com/setup-wizard/setup-wizard/wizard/plain"
)

// App is what every command shares (gh's Factory): the streams, the environment, the
// clock, the language; and the flags of the walk, which the root, line, naver and replay
// commands share.
type App struct {
	IO     *IO
	Getenv func(string) string
	Now    func() time.Time
	// Arg0 is how the program was started (os.Args[0] when empty), for the commands it
	// tells the operator to run next.
	Arg0 string

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
	Platform       string             // --platform NAME|FILE
	SecretFiles    map[string]*string // config key → --…-file flag value
	// Secrets knows every secret of the run (env, files, answers, config, typed) and
	// masks them in everything the program prints or saves besides the secrets' own fields.
	Secrets *redact.Set

	// onStart runs when a command starts (not for --help or --version): it installs the
	// ctrl+c handler, whose thread a mere --version should not pay for.
	onStart func()
	// replay, set by `replay`, puts the session where the customer's file says.
	replay func(s *wizard.Session)
	// rawErr is stderr before redaction, for what carries no text from outside and needs
	// its control characters: the batch's progress bar.
	rawErr io.Writer
	// showVersion is --version.
	showVersion bool
	// localizeNow translates cobra's own words (completion) before they are printed.
	localizeNow func()
	// stdout counts what the commands print, so that a --json run that stopped before
	// its report still prints one (jsonOnFailure); jsonFallback, when a command set it,
	// writes that report.
	stdout       *countingWriter
	jsonFallback func(code int, err error)
	// topics are the help pages that are not commands, written when asked for.
	topics map[*cobra.Command]func() string

	lang    steps.Lang
	ttyOnce sync.Once
	tty     *os.File
	// input is the one reader of piped or typed answers for the whole run.
	inputOnce sync.Once
	input     *plain.Input
	// sandboxLINE is the emulator of a --sandbox run, whose account the walk repairs.
	sandboxLINE *fakeapi.LINE
	// backToQuestion is true while a walk runs that a question chose (first time or
	// switching): back from its first step returns to that question.
	backToQuestion bool
	// bannerShown: the sandbox banner was printed.
	bannerShown bool
}

// secretInput is a secret the walk can take from the environment or a file instead of
// argv: declared once, by its field in the flow (key and env variable); the flag is
// derived from the env variable (LINE_CHANNEL_SECRET → --channel-secret-file).
type secretInput struct{ key, env, flag string }

// secretInputs lists the secret fields of every flow, in the flows' order (built once:
// the flows are built on each call).
var secretInputs = sync.OnceValue(func() []secretInput {
	var out []secretInput
	seen := map[string]bool{}
	for _, fl := range append(line.Flows(), naver.Flow()) {
		for _, st := range fl.Steps {
			for _, f := range st.Fields {
				if !f.Secret() || f.Env == "" || seen[f.Key] {
					continue
				}
				seen[f.Key] = true
				out = append(out, secretInput{key: f.Key, env: f.Env, flag: fileFlagFor(f.Env)})
			}
		}
	}
	return out
})

// fileFlagFor derives the --…-file flag of a secret from its env variable: LINE's are
// the bare channel words (the tool's main use), NAVER's keep their prefix.
func fileFlagFor(env string) string {
	n := strings.TrimPrefix(env, "LINE_")
	return strings.ReplaceAll(strings.ToLower(n), "_", "-") + "-file"
}

// envPrefix starts the env mirror of every flag: --no-browser is SETUP_WIZARD_NO_BROWSER.
const envPrefix = "SETUP_WIZARD_"

func envFor(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

func newRootCmd(a *App) *cobra.Command {
	root := &cobra.Command{
		Use:           "setup-wizard [line|naver]",
		Short:         a.text(helpRootShort),
		Long:          a.text(helpRootLong), // and the sandbox's knobs, added when shown
		Example:       a.text(helpRootExample),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.MaximumNArgs(1),
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if a.showVersion && cmd.Parent() == nil {
				fmt.Fprintln(a.IO.Out, readBuildInfo().String())
				return errVersionShown
			}
			if a.onStart != nil {
				a.onStart()
			}
			return a.setup(cmd)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				return usagef(a.text(msgUnknownCommand), args[0])
			}
			return a.runChooser(cmd.Context())
		},
	}
	// --version is answered before anything else starts (no template, no signal thread).
	root.Flags().BoolVar(&a.showVersion, "version", false, a.text(flagVersion))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{msg: flagErrorText(a.lang, err)} })
	root.PersistentFlags().StringVar(&a.LangFlag, "lang", "", a.text(flagLang))
	_ = root.RegisterFlagCompletionFunc("lang", fixedValues("ja", "en"))
	a.addWalkFlags(root)

	root.AddCommand(
		newLineCmd(a), newNaverCmd(a),
		newVerifyCmd(a, nil), newExportCmd(a, nil), newReplayCmd(a, nil), newDraftsCmd(a, nil), newVersionCmd(a, nil),
	)
	root.AddCommand(
		helpTopic(a, "environment", helpEnvShort, func() string { return a.environmentHelp(root) }),
		helpTopic(a, "exit-codes", helpExitShort, func() string { return a.text(helpExitLong) }),
	)
	a.localizeLazily(root)
	return root
}

// addWalkFlags gives a command that walks a flow its flags (root, line, naver).
func (a *App) addWalkFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVarP(&a.ConfigPath, "config", "c", "setup-wizard.yaml", a.text(flagConfig))
	f.StringVar(&a.AnswersPath, "answers", "", a.text(flagAnswers))
	f.BoolVar(&a.NonInteractive, "non-interactive", false, a.text(flagNonInteractive))
	f.BoolVar(&a.JSON, "json", false, a.text(flagJSON))
	f.BoolVar(&a.NoBrowser, "no-browser", false, a.text(flagNoBrowser))
	f.BoolVar(&a.Accessible, "accessible", false, a.text(flagAccessible))
	f.BoolVar(&a.Fresh, "fresh", false, a.text(flagFresh))
	f.DurationVar(&a.InputTimeout, "input-timeout", 10*time.Second, a.text(flagInputTimeout))
	f.StringVar(&a.Platform, "platform", "", a.text(flagPlatform))
	_ = cmd.RegisterFlagCompletionFunc("platform", completePlatform)
	a.addCheckFlags(f)
	a.addSecretFileFlags(f)
}

// addSecretFileFlags adds the --…-file flag of every secret.
func (a *App) addSecretFileFlags(f *pflag.FlagSet) {
	if a.SecretFiles == nil {
		a.SecretFiles = map[string]*string{}
	}
	for _, s := range secretInputs() {
		p := a.SecretFiles[s.key]
		if p == nil {
			p = new(string)
			a.SecretFiles[s.key] = p
		}
		f.StringVar(p, s.flag, "", fmt.Sprintf(a.text(flagSecretFile), s.key, s.env))
	}
}

// addCheckFlags are the flags of every command that runs live checks.
func (a *App) addCheckFlags(f *pflag.FlagSet) {
	f.BoolVar(&a.Sandbox, "sandbox", false, a.text(flagSandbox))
	f.BoolVar(&a.SetWebhook, "set-webhook", false, a.text(flagSetWebhook))
	f.BoolVar(&a.Debug, "debug", false, a.text(flagDebug))
	f.DurationVar(&a.Timeout, "timeout", 10*time.Second, a.text(flagTimeout))
}

// setup reads what every command needs: env mirrors of the flags left unset, the
// language, the accessible mode.
func (a *App) setup(cmd *cobra.Command) error {
	// The secrets in the environment are known before anything can go wrong.
	if a.Secrets == nil {
		a.Secrets = redact.New()
	}
	for _, s := range secretInputs() {
		a.Secrets.Add(a.Getenv(s.env)) // known even when the flow does not use it
	}
	if err := a.applyEnv(cmd.Flags()); err != nil {
		return err
	}
	a.lang = pickLang(a.LangFlag, a.Getenv)
	if a.LangFlag != "" {
		if _, ok := steps.ParseLang(a.LangFlag); !ok {
			return usagef(a.text(msgBadLang), a.LangFlag)
		}
	}
	if !a.Accessible && (truthy(a.Getenv("ACCESSIBLE")) || a.Getenv("TERM") == "dumb") {
		a.Accessible = true
	}
	if f := cmd.Flags().Lookup("config"); f != nil && a.Sandbox && !f.Changed && a.Getenv(envFor("config")) == "" && f.Value.String() == "setup-wizard.yaml" {
		a.ConfigPath = sandboxConfig // the sandbox never writes the real default file
	}
	if a.InputTimeout < 0 {
		return usagef("%s", a.text(msgBadInputTimeout))
	}
	if f := cmd.Flags().Lookup("timeout"); f != nil && a.Timeout <= 0 {
		return usagef("%s", a.text(msgBadTimeout))
	}
	return nil
}

// applyEnv gives every flag the command line left unset the value of its env mirror
// (SETUP_WIZARD_CONFIG, SETUP_WIZARD_LANG, SETUP_WIZARD_NO_BROWSER…). A yes/no reads
// 1/true/yes as yes and 0/false/no or empty as no.
func (a *App) applyEnv(fs *pflag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Name == "help" || f.Name == "version" {
			return
		}
		name := envFor(f.Name)
		v, ok := a.lookupEnv(name)
		if !ok {
			return
		}
		if f.Value.Type() == "bool" {
			v = fmt.Sprint(truthy(v))
		}
		if e := f.Value.Set(v); e != nil {
			err = &usageError{msg: envErrorText(a.lang, name, v, f.Name, e)}
		}
	})
	return err
}

func (a *App) lookupEnv(name string) (string, bool) {
	v := a.Getenv(name)
	return v, v != ""
}

// pickLang is --lang, else SETUP_WIZARD_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG),
// else English.
func pickLang(flag string, getenv func(string) string) steps.Lang {
	if l, ok := steps.ParseLang(flag); ok {
		return l
	}
	if l, ok := steps.ParseLang(getenv(envFor("lang"))); ok {
		return l
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(env); v != "" {
			l, _ := steps.ParseLang(v)
			return l
		}
	}
	return steps.EN
}

// earlyLang is the language of the help texts, known before the flags are parsed.
func earlyLang(args []string, getenv func(string) string) steps.Lang {
	flag := ""
	for i, arg := range args {
		if arg == "--" {
			break
		}
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			flag = v
		} else if arg == "--lang" && i+1 < len(args) {
			flag = args[i+1]
		}
	}
	return pickLang(flag, getenv)
}

func truthy(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	return v != "" && v != "0" && v != "false" && v != "no" && v != "off"
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

// completePlatform offers the built-in profiles, and files once the word looks like a path.
func completePlatform(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	// A profile is a name or a FILE: the built-in names that fit, then the YAML files and
	// folders that do (listed here, since the shells offer files only when no value is given).
	var out []string
	for _, b := range platform.Builtins() {
		if strings.HasPrefix(b, toComplete) {
			out = append(out, b)
		}
	}
	directive := cobra.ShellCompDirectiveNoFileComp
	dir, base := filepath.Split(toComplete)
	entries, _ := os.ReadDir(cmp.Or(dir, "."))
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".")) {
			continue
		}
		switch {
		case e.IsDir() || e.Type()&fs.ModeSymlink != 0 && isDir(filepath.Join(cmp.Or(dir, "."), name)):
			out = append(out, dir+name+string(filepath.Separator))
			directive |= cobra.ShellCompDirectiveNoSpace // a folder is not the end of the word
		case strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"):
			out = append(out, dir+name)
		}
	}
	return out, directive
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// fixedValues completes a flag from a fixed list, without files.
func fixedValues(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// sandboxHelp lists the emulator's knobs, so a newcomer can see each failure offline.
func sandboxHelp(l steps.Lang) string {
	var b strings.Builder
	b.WriteString("\n\n" + helpSandboxKnobs.In(l) + "\n")
	for _, k := range sandboxKnobs() {
		help := k.Help
		if l == steps.JA && k.HelpJA != "" {
			help = k.HelpJA
		}
		fmt.Fprintf(&b, "  %-32s %s\n", k.Name, help)
	}
	return strings.TrimRight(b.String(), "\n")
}

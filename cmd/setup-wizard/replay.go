package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// replayOptions are the flags of `setup-wizard replay FILE`.
type replayOptions struct {
	App      *App
	File     string
	Provider string
	Out      string // -c: where the walk saves
}

func newReplayCmd(a *App, runF func(*replayOptions) error) *cobra.Command {
	opts := &replayOptions{App: a}
	cmd := &cobra.Command{
		Use:     "replay FILE",
		Short:   a.text(helpReplayShort),
		Long:    a.text(helpReplayLong),
		Example: a.text(helpReplayExample),
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("%s", a.text(msgReplayWhichFile))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			switch opts.Provider {
			case "", "line", "naver":
			default:
				return usagef(a.text(msgBadProvider), opts.Provider)
			}
			// Its own variable: the walk commands' -c default must not be this one's.
			a.ConfigPath = opts.Out
			if a.ConfigPath == "" {
				a.ConfigPath = replayOutput(opts.File)
			}
			if filepath.Clean(a.ConfigPath) == filepath.Clean(opts.File) {
				return usagef(a.text(msgReplayOverwrite), opts.File)
			}
			if runF != nil {
				return runF(opts)
			}
			return replayRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Out, "config", "c", "", a.text(flagReplayConfig))
	f.StringVar(&opts.Provider, "provider", "", a.text(flagProvider))
	_ = cmd.RegisterFlagCompletionFunc("provider", fixedValues("line", "naver"))
	f.BoolVar(&a.NoBrowser, "no-browser", false, a.text(flagNoBrowser))
	f.BoolVar(&a.Accessible, "accessible", false, a.text(flagAccessible))
	f.DurationVar(&a.InputTimeout, "input-timeout", 10*time.Second, a.text(flagInputTimeout))
	f.StringVar(&a.Platform, "platform", "", a.text(flagPlatform))
	_ = cmd.RegisterFlagCompletionFunc("platform", completePlatform)
	a.addCheckFlags(f)
	a.addSecretFileFlags(f)
	return cmd
}

// replayOutput is where a replay writes: next to the customer's file, never over it.
func replayOutput(file string) string {
	ext := filepath.Ext(file)
	return strings.TrimSuffix(file, ext) + ".replay" + ext
}

// masked matches a secret that export --redact shortened: "djdH… (172 characters)".
var masked = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^.{0,4}… \(\d+ characters\)$`) })

// replayRun opens the walk on the customer's file at the step it reached, every known value
// filled in, redacted secrets left to be typed (or taken from the environment and the
// --…-file flags), and the file's last results shown as the customer's.
func replayRun(ctx context.Context, o *replayOptions) error {
	a := o.App
	c, err := loadConfigAt(a, o.File)
	if err != nil {
		return err
	}
	provider := o.Provider
	if provider == "" {
		switch {
		case c.LINE != nil:
			provider = "line"
		case c.NAVER != nil:
			provider = "naver"
		default:
			return usagef(a.text(msgNothingToVerify), o.File)
		}
	}
	if (provider == "line" && c.LINE == nil) || (provider == "naver" && c.NAVER == nil) {
		return usagef(a.text(msgReplayNoSection), o.File, strings.ToUpper(provider))
	}
	given := steps.Answers{}
	var redacted []string
	for k, v := range c.Values() {
		if config.IsSecret(k) && masked().MatchString(v) {
			redacted = append(redacted, k)
			continue
		}
		if strings.HasPrefix(k, provider+".") {
			given[k] = v
		}
	}
	// Secrets support was given (env, --…-file) fill what the file had redacted.
	more, err := a.secretsFromEnvAndFiles(ctx)
	if err != nil {
		return err
	}
	for k, v := range more {
		given[k] = v
	}
	a.remember(given)
	var toAsk []string
	for _, k := range redacted {
		if given.Get(k) == "" && strings.HasPrefix(k, provider+".") {
			toAsk = append(toAsk, k)
		}
	}
	slices.Sort(toAsk)
	var earlier []verify.Result
	if c.Verification != nil {
		for _, r := range c.Verification.Results {
			if strings.HasPrefix(r.ID, provider+".") {
				earlier = append(earlier, fromCustomer(r, a.lang))
			}
		}
	}
	// The file does not say which platform's wording the customer saw: the generic one,
	// unless NAVER's section names Cafe24 or support says (--platform).
	if a.Platform == "" && a.Getenv(envFor("platform")) == "" {
		a.Platform = "generic"
		if provider == "naver" && given.Get("naver.platform") == "cafe24" {
			a.Platform = "cafe24"
		}
	}
	var flow *steps.Flow
	if provider == "line" {
		id := "line." + c.LINE.Flow
		if line.FlowByID(id) == nil {
			id = line.FlowNewID
		}
		p, err := a.platformFor(ctx, "line", given)
		if err != nil {
			return err
		}
		flow = line.FlowByIDFor(id, p)
	} else {
		p, err := a.platformFor(ctx, "naver", given)
		if err != nil {
			return err
		}
		flow = naver.FlowFor(p)
	}
	step := reachedStep(flow, earlier, toAsk)
	fmt.Fprintf(a.IO.Err, a.text(msgReplaying)+"\n", o.File, flow.ID, stepName(flow.ID, step, a.lang), a.ConfigPath)
	if len(toAsk) > 0 {
		fmt.Fprintf(a.IO.Err, a.text(msgReplayAsk)+"\n", strings.Join(toAsk, ", "))
	}
	a.replay = func(s *wizard.Session) {
		s.Engine = wizard.Resume(flow, wizard.Draft{Flow: flow.ID, Step: step, Answers: given})
		s.Pending = nil // the customer's file, not a draft of ours, says where to start
		for _, r := range earlier {
			s.Engine.Ledger().RecordEarlier(r)
		}
	}
	return a.runFlow(ctx, flow, given)
}

// fromCustomer is a result recorded in the customer's file, labelled as theirs.
func fromCustomer(r config.Result, l steps.Lang) verify.Result {
	msg := steps.T("From the customer's last run: ", "お客様の前回の実行結果：")
	return verify.Result{
		ID: r.ID, Status: verify.Status(r.Status), Step: r.Step, Detail: r.Detail,
		Message: steps.T(msg.EN+r.Message, msg.JA+r.Message),
	}
}

// reachedStep is where the customer stood: the step their first failed check sends them
// to, else the last step; but the step that asks for a redacted secret comes first, since
// nothing can be checked without it.
func reachedStep(flow *steps.Flow, earlier []verify.Result, toAsk []string) string {
	order := map[string]int{}
	for i, s := range flow.Steps {
		order[s.ID] = i
	}
	step := ""
	for _, st := range []verify.Status{verify.Fail, verify.Error, verify.Warn} {
		for _, r := range earlier {
			if r.Status == st && r.Step != "" {
				if _, ok := order[r.Step]; ok && step == "" {
					step = r.Step
				}
			}
		}
	}
	if step == "" && len(flow.Steps) > 0 {
		step = flow.Steps[len(flow.Steps)-1].ID
	}
	for _, k := range toAsk {
		if _, st, ok := flow.Field(k); ok && (step == "" || order[st.ID] < order[step]) {
			step = st.ID
		}
	}
	return step
}

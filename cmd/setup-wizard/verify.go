package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"sort"
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

// verifyOptions are the flags of `setup-wizard verify` and what its run needs.
type verifyOptions struct {
	App *App

	Configs       []string
	JSON          bool
	Jobs          int     // configs checked at the same time
	Rate          float64 // requests per second per channel, across the batch
	NoWebhookTest bool
	Record        bool

	// URLs says where the checks of the config at path go; nil: --sandbox or the
	// SETUP_WIZARD_*_URL variables, the same for every file. Benchmarks give each file
	// its own emulator. done, when set, is called once that file is finished.
	URLs func(path string) (urls verify.BaseURLs, done func(), err error)
}

const (
	defaultJobs = 8
	defaultRate = 5
	// rateBurst requests may go to one channel at once: about what one config needs, so
	// a batch of different customers is never slowed down, and one channel checked in many
	// files is held to Rate.
	rateBurst = 12
)

func newVerifyCmd(a *App, runF func(*verifyOptions) error) *cobra.Command {
	opts := &verifyOptions{App: a}
	cmd := &cobra.Command{
		Use:     "verify [-c FILE|DIR]...",
		Short:   a.text(helpVerifyShort),
		Long:    a.text(helpVerifyLong),
		Example: a.text(helpVerifyExample),
		Args:    a.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Jobs < 1 {
				return usagef("%s", a.text(msgBadJobs))
			}
			if opts.Rate < 0 {
				return usagef("%s", a.text(msgBadRate))
			}
			if a.Sandbox && !cmd.Flags().Changed("config") && a.Getenv(envFor("config")) == "" {
				opts.Configs = []string{sandboxConfig} // what the sandbox writes without -c
			}
			if runF != nil {
				return runF(opts)
			}
			return verifyRun(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&opts.Configs, "config", "c", []string{"setup-wizard.yaml"}, a.text(flagVerifyConfig))
	f.BoolVar(&opts.JSON, "json", false, a.text(flagVerifyJSON))
	f.IntVarP(&opts.Jobs, "jobs", "j", defaultJobs, a.text(flagJobs))
	f.Float64Var(&opts.Rate, "rate", defaultRate, a.text(flagRate))
	f.BoolVar(&opts.NoWebhookTest, "no-webhook-test", false, a.text(flagNoWebhookTest))
	f.BoolVar(&opts.Record, "record", false, a.text(flagRecord))
	a.addCheckFlags(f)
	return cmd
}

// verifyRun checks one config (and records its results in it) or a batch (and records
// only with --record).
func verifyRun(ctx context.Context, o *verifyOptions) error {
	paths, batch, err := expandConfigs(o.Configs, o.App.lang)
	if err != nil {
		return err
	}
	if !batch {
		return verifyOne(ctx, o, paths[0])
	}
	return verifyBatch(ctx, o, paths)
}

// expandConfigs turns the -c values into files: a folder stands for every *.yaml file in
// it. More than one file, or any folder, is a batch.
func expandConfigs(args []string, lang steps.Lang) (paths []string, batch bool, err error) {
	seen := map[string]bool{}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err == nil && fi.IsDir() {
			batch = true
			matches, err := filepath.Glob(filepath.Join(arg, "*.yaml"))
			if err != nil {
				return nil, false, usagef("-c %s: %v", arg, err)
			}
			sort.Strings(matches)
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.IsDir() {
					continue
				}
				if !seen[m] {
					seen[m] = true
					paths = append(paths, m)
				}
			}
			continue
		}
		if !seen[arg] {
			seen[arg] = true
			paths = append(paths, arg)
		}
	}
	if len(paths) == 0 {
		return nil, false, usagef(msgNoConfigsIn.In(lang), strings.Join(args, ", "))
	}
	return paths, batch || len(paths) > 1, nil
}

// verifyOne is support's single check: the text report (or the JSON object) and the
// results recorded in the file.
func verifyOne(ctx context.Context, o *verifyOptions, path string) error {
	a := o.App
	var c *config.Config
	if o.JSON {
		// Stopped before the report: the same row a batch prints for this file.
		a.jsonFallback = func(code int, err error) {
			_ = verify.WriteReport(a.out(), a.errorReport(o.meta(path, c), code, err), true)
		}
	}
	c, err := loadConfigAt(a, path)
	if err != nil {
		return err
	}
	if err := a.guardFile(path, c); err != nil {
		return err
	}
	answers := steps.Answers(c.Values())
	if len(answers) == 0 {
		return usagef(a.text(msgNothingToVerify), path)
	}
	if keys := redactedIn(c); len(keys) > 0 {
		return usagef(a.text(msgVerifyRedacted), path, strings.Join(keys, ", "))
	}
	if err := incomplete(path, c, answers, a.lang); err != nil {
		return usagef("%s", err)
	}
	if err := config.CheckWritable(path); err != nil {
		return err // found before a check runs, not after the webhook test
	}
	urls, closeURLs, err := o.urlsFor(ctx, path)
	if err != nil {
		return err
	}
	defer closeURLs()
	a.sandboxBanner()
	chk := o.checker(urls, nil, nil)
	var lastProgress string
	results := chk.RunAll(ctx, o.answersFor(answers), func(ev verify.Event) {
		if ev.Kind == verify.Progress && !o.JSON {
			if m := ev.Message.In(a.lang); m != lastProgress {
				lastProgress = m
				fmt.Fprintln(a.IO.Err, steps.Clean(m))
			}
		}
	})
	if ctx.Err() != nil {
		return wizard.ErrInterrupted
	}
	if len(results) == 0 { // values, but none that a check reads: nothing to call good
		return usagef(a.text(msgNothingToVerify), path)
	}
	if o.JSON {
		err = verify.WriteJSON(a.out(), o.meta(path, c), results, a.lang)
	} else {
		err = verify.WriteTextNamed(a.out(), results, a.lang, stepTitle)
	}
	if err != nil {
		return err
	}
	a.markSandbox(c)
	stale, err := record(path, c, results, a.lang, a.now())
	switch {
	case errors.Is(err, errConfigGone):
		fmt.Fprintf(a.IO.Err, a.text(msgConfigGone)+"\n", path)
	case err != nil:
		return fmt.Errorf("%s: %w", a.text(msgRecordFailed), err)
	case len(stale) > 0:
		fmt.Fprintf(a.IO.Err, a.text(msgResultsStale)+"\n", path, strings.Join(stale, ", "))
	}
	if code := verify.ExitCode(results); code != 0 {
		return &reported{code: code, err: errors.New("a live check did not pass")}
	}
	return nil
}

// record writes the results of checking c into the file at path as it is on disk now,
// under its lock, changing nothing but the verification block: a section another run
// saved meanwhile stays. A provider whose values changed since c was read keeps its
// recorded results (these describe values no longer there); stale names it.
func record(path string, c *config.Config, results []verify.Result, lang steps.Lang, now time.Time) (stale []string, err error) {
	sandbox := c.Verification != nil && c.Verification.Sandbox
	err = config.Update(path, func(disk *config.Config, existed bool) error {
		if !existed {
			return errConfigGone
		}
		for _, p := range []string{"line", "naver"} {
			var mine []verify.Result
			for _, r := range results {
				if strings.HasPrefix(r.ID, p+".") {
					mine = append(mine, r)
				}
			}
			if mine == nil {
				continue
			}
			if !maps.Equal(section(disk.Values(), p), section(c.Values(), p)) {
				stale = append(stale, p)
				continue
			}
			disk.Verification = mergeVerificationAt(disk.Verification, p, mine, lang, now)
		}
		if sandbox && disk.Verification != nil {
			disk.Verification.Sandbox = true
		}
		return nil
	})
	return stale, err
}

// answersFor adds the consent to write the webhook URL when given.
func (o *verifyOptions) answersFor(answers steps.Answers) steps.Answers {
	if o.App.SetWebhook {
		answers["flow.line.set_webhook"] = "true"
	}
	return answers
}

// urlsFor is where the checks of path go.
func (o *verifyOptions) urlsFor(ctx context.Context, path string) (verify.BaseURLs, func(), error) {
	if o.URLs != nil {
		return o.URLs(path)
	}
	return o.App.apiURLs(ctx)
}

// checker is the suite for one config: every check but the webhook test with
// --no-webhook-test. In a batch, base is the batch's suite: its HTTP client (and its
// connections) is shared by every config, each config's requests held to the rate of
// its channels by wrap.
func (o *verifyOptions) checker(urls verify.BaseURLs, base *checker, wrap func(http.RoundTripper) http.RoundTripper) *checker {
	if base == nil {
		base = o.App.suite(urls)
	}
	s := &verify.Suite{Checks: base.Suite.Checks, Env: base.Suite.Env, Timeout: base.Suite.Timeout, Redact: base.Suite.Redact}
	s.Env.URLs = urls
	if o.NoWebhookTest {
		var keep []verify.Check
		for _, c := range s.Checks {
			if c.ID != "line.webhook.test" {
				keep = append(keep, c)
			}
		}
		s.Checks = keep
	}
	if wrap != nil {
		cl := *s.Env.HTTP
		cl.Transport = wrap(cl.Transport)
		s.Env.HTTP = &cl
	}
	return &checker{Suite: s, app: base.app}
}

// meta names the tool, the provider and flow of c, and its path, in the JSON report.
// redactedIn lists, sorted, the secrets of c that an export shortened ("djdH… (172
// characters)"): checked as they are, LINE and NAVER would only be asked about the
// placeholder, and its refusal recorded as if the customer's secret were wrong.
func redactedIn(c *config.Config) []string {
	var keys []string
	for k, v := range c.Values() {
		if config.IsSecret(k) && masked().MatchString(v) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// reportTool is the "tool" of every --json report, line's and naver's as verify's
// (contract: DESIGN.md, --json).
func reportTool() verify.Tool { return verify.Tool{Name: "setup-wizard", Version: toolVersion()} }

func (o *verifyOptions) meta(path string, c *config.Config) verify.ReportMeta {
	m := verify.ReportMeta{Tool: reportTool(), Config: path}
	if c == nil {
		return m
	}
	var providers, flows []string
	if c.LINE != nil {
		providers = append(providers, "line")
		if c.LINE.Flow != "" {
			flows = append(flows, "line."+c.LINE.Flow)
		}
	}
	if c.NAVER != nil {
		providers = append(providers, "naver")
		flows = append(flows, "naver")
	}
	m.Provider, m.Flow = strings.Join(providers, ","), strings.Join(flows, ",")
	return m
}

// row is one config of a batch: its report, or why it could not be checked.
type row struct {
	path   string
	report verify.JSONReport
	err    error // could not be read or recorded: exit 2 (or 1)
	code   int
}

// verifyBatch checks configs side by side, at most Jobs at a time, and prints one JSON
// line per config in the given order, or a table at the end. One bad file is reported
// in its row and never stops the others.
func verifyBatch(ctx context.Context, o *verifyOptions, paths []string) error {
	a := o.App
	var sharedURLs verify.BaseURLs
	if o.URLs == nil {
		urls, closeURLs, err := a.apiURLs(ctx)
		if err != nil {
			return err
		}
		defer closeURLs()
		sharedURLs = urls
		o.URLs = func(string) (verify.BaseURLs, func(), error) { return sharedURLs, func() {}, nil }
	}
	a.sandboxBanner()
	lim := newChannelLimiter(o.Rate, rateBurst)
	base := a.suite(verify.BaseURLs{})
	rows := make([]*row, len(paths))
	ready := make([]chan struct{}, len(paths))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	// The bar is drawn on the terminal itself: the redacting stderr would strip its \r.
	prog := newProgressBar(a.rawErr, len(paths), a.rawErr != nil && isTerminal(a.rawErr))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(o.Jobs, len(paths)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rows[i] = o.checkOne(ctx, paths[i], base, lim)
				close(ready[i])
				prog.step()
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range paths {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	// JSON lines come out as soon as the files before them are done, in the given order.
	worst := 0
	for i := range paths {
		select {
		case <-ready[i]:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		r := rows[i]
		worst = worseExit(worst, r.code)
		if o.JSON {
			prog.clear()
			if err := verify.WriteReport(a.out(), r.report, false); err != nil {
				return err
			}
		}
	}
	wg.Wait()
	prog.done()
	if ctx.Err() != nil {
		return wizard.ErrInterrupted
	}
	if !o.JSON {
		if err := writeBatchTable(a.out(), rows, a.lang); err != nil {
			return err
		}
	}
	if worst != 0 {
		return &reported{code: worst, err: errors.New("a config did not pass")}
	}
	return nil
}

// checkOne checks the config at path for a batch; nothing it meets stops the batch.
func (o *verifyOptions) checkOne(ctx context.Context, path string, base *checker, lim *channelLimiter) *row {
	a := o.App
	r := &row{path: path}
	fail := func(c *config.Config, code int, err error) *row {
		r.err, r.code = err, code
		r.report = a.errorReport(o.meta(path, c), code, err)
		return r
	}
	c, err := loadConfigAt(a, path)
	if err != nil {
		return fail(nil, wizard.ExitUsage, err)
	}
	if err := a.guardFile(path, c); err != nil {
		return fail(c, wizard.ExitUsage, err)
	}
	if o.Record {
		if err := config.CheckWritable(path); err != nil {
			return fail(c, wizard.ExitUsage, err)
		}
	}
	answers := steps.Answers(c.Values())
	if len(answers) == 0 {
		return fail(c, wizard.ExitUsage, fmt.Errorf(a.text(msgNothingToVerify), path))
	}
	if keys := redactedIn(c); len(keys) > 0 {
		return fail(c, wizard.ExitUsage, fmt.Errorf(a.text(msgVerifyRedacted), path, strings.Join(keys, ", ")))
	}
	if err := incomplete(path, c, answers, a.lang); err != nil {
		return fail(c, wizard.ExitUsage, err)
	}
	urls, done, err := o.URLs(path)
	if err != nil {
		return fail(c, wizard.ExitError, err)
	}
	defer done()
	keys := channelKeys(c)
	chk := o.checker(urls, base, func(next http.RoundTripper) http.RoundTripper {
		return &limitedTransport{next: next, wait: func(ctx context.Context) error { return lim.wait(ctx, keys) }}
	})
	results := chk.RunAll(ctx, o.answersFor(answers), nil)
	if len(results) == 0 && ctx.Err() == nil {
		return fail(c, wizard.ExitUsage, fmt.Errorf(a.text(msgNothingToVerify), path))
	}
	r.report = verify.NewJSONReport(o.meta(path, c), results, a.lang)
	r.code = r.report.ExitCode
	if o.Record && ctx.Err() == nil {
		a.markSandbox(c)
		if _, err := record(path, c, results, a.lang, a.now()); err != nil {
			return fail(c, wizard.ExitError, fmt.Errorf("%s: %w", a.text(msgRecordFailed), err))
		}
	}
	return r
}

// worseExit orders exit codes for a batch: an unexpected error, then bad input, then a
// failed check, then a check that could not tell, then success.
func worseExit(a, b int) int {
	rank := func(c int) int {
		switch c {
		case wizard.ExitOK:
			return 0
		case wizard.ExitUnreachable:
			return 1
		case wizard.ExitCheckFailed:
			return 2
		case wizard.ExitUsage:
			return 3
		}
		return 4
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// writeBatchTable prints one line per config: its path, provider, how many checks passed,
// warned, failed and could not tell (status error), and the first problem; then a count.
// A file that could not be read or checked has no counts ("-"), so that the columns add
// up as the summary line and the JSON rows do.
func writeBatchTable(w io.Writer, rows []*row, l steps.Lang) error {
	head := []string{"CONFIG", "PROVIDER", "PASS", "WARN", "FAIL", "ERROR", "FIRST PROBLEM"}
	if l == steps.JA {
		head = []string{"設定ファイル", "連携先", "成功", "警告", "失敗", "確認できず", "最初の問題"}
	}
	table := [][]string{head}
	counts := map[int]int{}
	for _, r := range rows {
		if r == nil {
			continue
		}
		s := r.report.Summary
		counts[r.code]++
		n := []string{fmt.Sprint(s.Pass), fmt.Sprint(s.Warn), fmt.Sprint(s.Fail), fmt.Sprint(s.Error)}
		if r.err != nil {
			n = []string{"-", "-", "-", "-"}
		}
		table = append(table, append(append([]string{
			// A customer's file name may carry escape sequences: none reaches the terminal.
			steps.Clean(r.path), orDash(r.report.Provider)}, n...),
			firstProblem(r.report),
		))
	}
	var b strings.Builder
	writeColumns(&b, table)
	b.WriteString(batchSummary(len(rows), counts, l) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// firstProblem is the worst result's id and message, cut to fit a line.
func firstProblem(rep verify.JSONReport) string {
	order := []verify.Status{verify.Error, verify.Fail, verify.Warn}
	if rep.ExitCode == wizard.ExitCheckFailed {
		order = []verify.Status{verify.Fail, verify.Error, verify.Warn}
	}
	for _, st := range order {
		for _, res := range rep.Results {
			if res.Status == st {
				s := res.ID + ": " + res.Message
				if res.ID == "config" {
					s = res.Message
				}
				return truncateWidth(s, 70)
			}
		}
	}
	return "-"
}

func batchSummary(total int, counts map[int]int, l steps.Lang) string {
	ok, failed, unknown, bad := counts[0], counts[wizard.ExitCheckFailed], counts[wizard.ExitUnreachable], counts[wizard.ExitUsage]+counts[wizard.ExitError]
	if l == steps.JA {
		return fmt.Sprintf("設定ファイル%d件：問題なし%d、チェック失敗%d、確認できず%d、読み込めず%d。1件の詳細は'setup-wizard verify -c ファイル'で確認できます。", total, ok, failed, unknown, bad)
	}
	return fmt.Sprintf("%d configs: %d good, %d with a failed check, %d could not tell, %d could not be read. Run 'setup-wizard verify -c FILE' for one file's details.", total, ok, failed, unknown, bad)
}

// channelKeys names the channels a config's requests go to, so that two files of the
// same customer share one rate. A token without its channel ID is named by its hash.
func channelKeys(c *config.Config) []string {
	var keys []string
	if id := c.Get("line.messaging_api.channel_id"); id != "" {
		keys = append(keys, "line:"+id)
	} else if tok := c.Get("line.messaging_api.channel_access_token"); tok != "" {
		sum := sha256.Sum256([]byte(tok))
		keys = append(keys, "line-token:"+hex.EncodeToString(sum[:8]))
	}
	if id := c.Get("line.login.channel_id"); id != "" {
		keys = append(keys, "line:"+id)
	}
	if id := c.Get("naver.client_id"); id != "" {
		keys = append(keys, "naver:"+id)
	}
	return keys
}

// channelLimiter is a token bucket per channel: rate requests a second, burst at once.
type channelLimiter struct {
	rate, burst float64
	now         func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newChannelLimiter(rate float64, burst int) *channelLimiter {
	return &channelLimiter{rate: rate, burst: float64(burst), now: time.Now, buckets: map[string]*bucket{}}
}

// wait takes one request from every channel in keys, sleeping until each allows it.
func (l *channelLimiter) wait(ctx context.Context, keys []string) error {
	delay := l.reserve(keys)
	if delay == 0 {
		return nil
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// reserve takes one request from every channel in keys and says how long to wait for it.
func (l *channelLimiter) reserve(keys []string) time.Duration {
	if l.rate == 0 || len(keys) == 0 {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var delay time.Duration
	for _, k := range keys {
		b := l.buckets[k]
		if b == nil {
			b = &bucket{tokens: l.burst, last: now}
			l.buckets[k] = b
		}
		b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
		b.last = now
		b.tokens--
		if b.tokens < 0 {
			delay = max(delay, time.Duration(-b.tokens/l.rate*float64(time.Second)))
		}
	}
	return delay
}

// limitedTransport waits for the channel's rate before each request.
type limitedTransport struct {
	next http.RoundTripper
	wait func(ctx context.Context) error
}

func (t *limitedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if err := t.wait(r.Context()); err != nil {
		return nil, err
	}
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
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

// loadConfigAt reads a config file for verify, export and replay.
func loadConfigAt(a *App, path string) (*config.Config, error) {
	c, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usagef(a.text(msgNoConfig), path)
	}
	if err == nil {
		a.remember(c.Values())
	}
	return c, err
}

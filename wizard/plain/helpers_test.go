package plain

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// A small flow of its own: every field kind, a skipped step, links, a hand-over, checks.

const (
	testSecret  = "0123456789abcdef0123456789abcdef"
	testSecret2 = "fedcba9876543210fedcba9876543210"
)

var alnum32 = regexp.MustCompile(`^[A-Za-z0-9]{32}$`)

func secretRule(v string, _ steps.Answers) *steps.Problem {
	if alnum32.MatchString(v) {
		return nil
	}
	n := len([]rune(v))
	return &steps.Problem{
		Rule: steps.T(fmt.Sprintf("must be 32 letters or digits, got %d.", n), fmt.Sprintf("英数字32文字です（%d文字でした）。", n)),
		Fix:  steps.T("Copy it again from the Basic settings tab.", "「チャネル基本設定」タブからもう一度コピーしてください。"),
	}
}

func digitsRule(v string, _ steps.Answers) *steps.Problem {
	for _, r := range v {
		if r < '0' || r > '9' {
			return &steps.Problem{
				Rule: steps.T("must be digits only.", "数字だけで入力してください。"),
				Fix:  steps.T("Copy the Channel ID from the Basic settings tab.", "「チャネル基本設定」タブのチャネルIDをコピーしてください。"),
			}
		}
	}
	if len(v) != 10 {
		return &steps.Problem{
			Severity: steps.Warning,
			Rule:     steps.T(fmt.Sprintf("is usually 10 digits, got %d.", len(v)), fmt.Sprintf("通常は10桁です（%d桁でした）。", len(v))),
			Fix:      steps.T("Check that you copied all of it.", "全部コピーしたか確かめてください。"),
		}
	}
	return nil
}

func httpsRule(v string, _ steps.Answers) *steps.Problem {
	if strings.HasPrefix(v, "https://") {
		return nil
	}
	return &steps.Problem{
		Rule: steps.T("must start with https://.", "https://で始まる必要があります。"),
		Fix:  steps.T("Copy the address shown by the CMS.", "CMSに表示されたアドレスをコピーしてください。"),
	}
}

func testFlow() *steps.Flow {
	return &steps.Flow{
		ID: "test.flow", Provider: "line",
		Title:  steps.T("Test", "テスト"),
		Preset: steps.Answers{"line.flow": "new"},
		Steps: []*steps.Step{
			{
				ID: "t.intro", Title: steps.T("Start", "はじめに"), Body: steps.T("Intro body.", "はじめの説明。"),
				Fields: []steps.Field{
					{Key: "line.account_name", Label: steps.T("Account name", "アカウント名"), Help: steps.T("As in the manager.", "管理画面のとおり。"), Kind: steps.KindText},
					{Key: "flow.t.exists", Label: steps.T("The account exists", "アカウントはある"), Kind: steps.KindConfirm},
				},
			},
			{
				ID: "t.create", Title: steps.T("Create it", "作る"), Body: steps.T("Create the account.", "アカウントを作ります。"),
				Links:   []steps.Link{{Label: steps.T("Entry page", "作成ページ"), URL: "https://entry.example/"}, {Label: steps.T("Manager", "管理画面"), URL: "https://manager.example/"}},
				Confirm: steps.T("I created it", "作成した"),
				Skip:    func(a steps.Answers) bool { return a.Bool("flow.t.exists") },
				Warn:    steps.T("Cannot be undone.", "取り消せません。"),
			},
			{
				ID: "t.collect", Title: steps.T("Collect", "集める"), Body: steps.T("Copy the values.", "値をコピーします。"),
				Fields: []steps.Field{
					{Key: "line.messaging_api.channel_secret", Label: steps.T("Channel secret", "チャネルシークレット"), Kind: steps.KindSecret, Validate: []steps.Validator{secretRule}, Env: "LINE_CHANNEL_SECRET"},
					{Key: "line.login.channel_id", Label: steps.T("Channel ID", "チャネルID"), Kind: steps.KindText, Validate: []steps.Validator{digitsRule}},
				},
				Checks: []string{"t.secret", "t.bot"},
			},
			{
				ID: "t.more", Title: steps.T("More", "その他"),
				Fields: []steps.Field{
					{Key: "naver.platform", Label: steps.T("Platform", "プラットフォーム"), Kind: steps.KindChoice, Options: []steps.Option{
						{Value: "cafe24", Label: steps.T("Cafe24", "Cafe24")}, {Value: "other", Label: steps.T("Another one", "その他")}}},
					{Key: "naver.pc_web.callback_urls", Label: steps.T("Callback URLs", "コールバックURL"), Kind: steps.KindList, Optional: true, Validate: []steps.Validator{func(v string, a steps.Answers) *steps.Problem {
						for _, u := range steps.SplitList(v) {
							if p := httpsRule(u, a); p != nil {
								return p
							}
						}
						return nil
					}}},
				},
			},
			{
				ID: "t.cms", Title: steps.T("Hand over", "CMSへ"), Handover: true,
				Confirm: steps.T("I pasted them", "貼り付けた"),
			},
			{
				ID: "t.hook", Title: steps.T("Webhook", "Webhook"),
				Fields: []steps.Field{
					{Key: "line.messaging_api.webhook_url", Label: steps.T("Webhook URL", "Webhook URL"), Kind: steps.KindURL, Validate: []steps.Validator{httpsRule},
						Derive: func(a steps.Answers) string { return "https://cms.example.com/hook" }},
					{Key: "flow.t.set_hook", Label: steps.T("Write it for me", "書き込んでもらう"), Kind: steps.KindConfirm, Derive: func(steps.Answers) string { return "true" }},
				},
				Checks: []string{"t.hook"},
			},
		},
	}
}

// goodAnswers pass every rule of testFlow.
func goodAnswers() steps.Answers {
	return steps.Answers{
		"line.account_name":                 "Salon Example",
		"flow.t.exists":                     "true",
		"line.messaging_api.channel_secret": testSecret,
		"line.login.channel_id":             "1234567890",
		"naver.platform":                    "cafe24",
		"naver.pc_web.callback_urls":        "https://a.example\nhttps://b.example",
	}
}

// fakeChecker answers from a table; it records what it was asked.
type fakeChecker struct {
	mu      sync.Mutex
	results map[string]func(a steps.Answers) verify.Result
	events  []verify.Event // sent on every run before the results
	calls   [][]string
	seen    []steps.Answers
	before  func() // called at the start of Run
}

func (f *fakeChecker) Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result {
	f.mu.Lock()
	f.calls = append(f.calls, slices.Clone(ids))
	f.seen = append(f.seen, a.Clone())
	f.mu.Unlock()
	if f.before != nil {
		f.before()
	}
	for _, ev := range f.events {
		emit(ev)
	}
	var out []verify.Result
	for _, id := range ids {
		if r, ok := f.results[id]; ok {
			res := r(a)
			res.ID = id
			out = append(out, res)
		}
	}
	return out
}

func pass(msg string) func(steps.Answers) verify.Result {
	return func(steps.Answers) verify.Result {
		return verify.Result{Status: verify.Pass, Message: steps.T(msg, msg)}
	}
}

// fakeSave records every save.
type fakeSave struct {
	calls   int
	answers []steps.Answers
	results [][]verify.Result
	err     error
}

func (f *fakeSave) save(a steps.Answers, r []verify.Result) (string, error) {
	f.calls++
	f.answers = append(f.answers, a.Clone())
	f.results = append(f.results, slices.Clone(r))
	if f.err != nil {
		return "", f.err
	}
	return "/tmp/setup-wizard.yaml", nil
}

func newSession(t *testing.T, flow *steps.Flow, given steps.Answers, l steps.Lang) (*wizard.Session, *fakeSave) {
	t.Helper()
	fs := &fakeSave{}
	s := &wizard.Session{
		Engine:     wizard.New(flow, given),
		Lang:       l,
		Save:       fs.save,
		ConfigPath: "/tmp/setup-wizard.yaml",
	}
	return s, fs
}

func streams(in string) (Options, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return Options{In: strings.NewReader(in), Out: &out, Err: &errb}, &out, &errb
}

// fakeClock moves on only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func noSecret(t *testing.T, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		for _, s := range []string{testSecret, testSecret2} {
			if strings.Contains(o, s) {
				t.Fatalf("a secret reached the output:\n%s", o)
			}
		}
	}
}

package plain

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func TestNonInteractiveBadValues(t *testing.T) {
	bad := goodAnswers()
	bad["line.messaging_api.channel_secret"] = testSecret[:31] // one short
	bad["line.login.channel_id"] = "12345abc"
	bad["naver.platform"] = "shopify"
	bad["flow.t.exists"] = "maybe"
	bad["naver.pc_web.callback_urls"] = "http://insecure.example"
	bad["line.messaging_api.webhook_url"] = "ftp://cms.example.com/hook"
	delete(bad, "line.account_name")

	tests := []struct {
		lang steps.Lang
		want []string
	}{
		{steps.EN, []string{
			"line.account_name (Account name): is required. As in the manager.",
			"flow.t.exists (The account exists): must be yes or no.",
			"line.messaging_api.channel_secret (Channel secret): must be 32 letters or digits, got 31. Copy it again from the Basic settings tab.",
			"line.login.channel_id (Channel ID): must be digits only. Copy the Channel ID from the Basic settings tab.",
			"naver.platform (Platform): must be one of cafe24, other. Pick one of the listed values.",
			"naver.pc_web.callback_urls (Callback URLs): must start with https://. Copy the address shown by the CMS.",
			"line.messaging_api.webhook_url (Webhook URL): must start with https://. Copy the address shown by the CMS.",
			"7 problems found; the config file was not written.",
		}},
		{steps.JA, []string{
			"line.account_name（アカウント名）：入力が必要です。管理画面のとおり。",
			"line.messaging_api.channel_secret（チャネルシークレット）：英数字32文字です（31文字でした）。「チャネル基本設定」タブからもう一度コピーしてください。",
			"line.login.channel_id（チャネルID）：数字だけで入力してください。",
			"naver.platform（プラットフォーム）：cafe24、otherのいずれかを指定してください。",
			"7件の問題があります。設定ファイルは書き込んでいません。",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			s, fs := newSession(t, testFlow(), bad, tt.lang)
			chk := &fakeChecker{}
			s.Checker = chk
			o, out, errb := streams("")
			err := RunNonInteractive(context.Background(), s, o)
			var inv *wizard.InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("err = %v, want InvalidError", err)
			}
			if len(inv.Problems) != 7 {
				t.Errorf("%d problems, want 7: %+v", len(inv.Problems), inv.Problems)
			}
			for _, w := range tt.want {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errb.String())
				}
			}
			// One line per problem, and the summary.
			if n := strings.Count(strings.TrimSpace(errb.String()), "\n") + 1; n != 8 {
				t.Errorf("%d lines on stderr, want 8:\n%s", n, errb.String())
			}
			if fs.calls != 0 {
				t.Errorf("Save called %d times on invalid input", fs.calls)
			}
			if len(chk.calls) != 0 {
				t.Errorf("checks ran on invalid input")
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out.String())
			}
			noSecret(t, out.String(), errb.String())
		})
	}
}

func TestNonInteractiveSecretMissingNamesEnv(t *testing.T) {
	a := goodAnswers()
	delete(a, "line.messaging_api.channel_secret")
	s, fs := newSession(t, testFlow(), a, steps.EN)
	o, _, errb := streams("")
	err := RunNonInteractive(context.Background(), s, o)
	var inv *wizard.InvalidError
	if !errors.As(err, &inv) || fs.calls != 0 {
		t.Fatalf("err = %v, saves = %d", err, fs.calls)
	}
	want := "line.messaging_api.channel_secret (Channel secret): is required. Enter it, or set LINE_CHANNEL_SECRET in the environment."
	if !strings.Contains(errb.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errb.String())
	}
}

func TestNonInteractiveWarningsDoNotFail(t *testing.T) {
	a := goodAnswers()
	a["line.login.channel_id"] = "123456789" // nine digits: a warning
	s, fs := newSession(t, testFlow(), a, steps.EN)
	o, _, errb := streams("")
	if err := RunNonInteractive(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, errb.String())
	}
	want := "warning: line.login.channel_id (Channel ID): is usually 10 digits, got 9. Check that you copied all of it."
	if !strings.Contains(errb.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errb.String())
	}
	if fs.calls != 1 {
		t.Fatalf("Save called %d times, want 1", fs.calls)
	}
	if fs.results[0] != nil {
		t.Errorf("results saved without a checker: %v", fs.results[0])
	}
	if !strings.Contains(errb.String(), "Config file written: /tmp/setup-wizard.yaml") {
		t.Errorf("no word of the written file:\n%s", errb.String())
	}
}

func TestNonInteractiveChecks(t *testing.T) {
	fail := func(steps.Answers) verify.Result {
		return verify.Result{Status: verify.Fail, Step: "t.collect", Message: steps.T("The channel secret does not belong to this channel. Copy it again.", "チャネルシークレットがこのチャネルのものではありません。"), Detail: "400 invalid_client"}
	}
	unreachable := func(steps.Answers) verify.Result {
		return verify.Result{Status: verify.Error, Message: steps.T("LINE could not be reached.", "LINEに接続できませんでした。"), Detail: "dial tcp: timeout"}
	}
	tests := []struct {
		name     string
		results  map[string]func(steps.Answers) verify.Result
		wantCode int
		wantLine string
	}{
		{"failed", map[string]func(steps.Answers) verify.Result{"t.secret": fail, "t.bot": pass("Chat is on."), "t.hook": pass("ok")}, 3, "A check failed"},
		{"unreachable", map[string]func(steps.Answers) verify.Result{"t.secret": pass("ok"), "t.bot": unreachable, "t.hook": pass("ok")}, 4, "could not tell"},
		{"failed beats unreachable", map[string]func(steps.Answers) verify.Result{"t.secret": fail, "t.bot": unreachable}, 3, "A check failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, fs := newSession(t, testFlow(), goodAnswers(), steps.EN)
			s.Checker = &fakeChecker{results: tt.results}
			o, out, errb := streams("")
			err := RunNonInteractive(context.Background(), s, o)
			var code *wizard.ExitCodeError
			if !errors.As(err, &code) || code.Code != tt.wantCode {
				t.Fatalf("err = %v, want exit %d", err, tt.wantCode)
			}
			if fs.calls != 0 {
				t.Errorf("Save called after a failed run")
			}
			if !strings.Contains(errb.String(), tt.wantLine) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantLine, errb.String())
			}
			if !strings.Contains(out.String(), "t.secret") || !strings.Contains(out.String(), "t.bot") {
				t.Errorf("report on stdout lacks the checks:\n%s", out.String())
			}
		})
	}
}

func TestNonInteractiveSuccessSaves(t *testing.T) {
	s, fs := newSession(t, testFlow(), goodAnswers(), steps.EN)
	chk := &fakeChecker{results: map[string]func(steps.Answers) verify.Result{
		"t.secret": func(steps.Answers) verify.Result {
			return verify.Result{Status: verify.Pass, Message: steps.T("The secret is right.", "正しいです。"), Learnt: map[string]string{"line.messaging_api.channel_id": "2000000001"}}
		},
		"t.bot": func(steps.Answers) verify.Result {
			return verify.Result{Status: verify.Warn, Message: steps.T("Names differ.", "名前が違います。")}
		},
		"t.hook": pass("The webhook answers."),
	}}
	s.Checker = chk
	o, out, errb := streams("")
	if err := RunNonInteractive(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, errb.String())
	}
	if len(chk.calls) != 1 || strings.Join(chk.calls[0], ",") != "t.secret,t.bot,t.hook" {
		t.Errorf("checks asked for: %v", chk.calls)
	}
	if fs.calls != 1 {
		t.Fatalf("Save called %d times", fs.calls)
	}
	saved := fs.answers[0]
	if saved.Get("line.messaging_api.channel_id") != "2000000001" {
		t.Errorf("learnt channel ID not saved: %v", saved)
	}
	if saved.Get("line.messaging_api.channel_secret") != testSecret || saved.Get("line.messaging_api.webhook_url") != "https://cms.example.com/hook" {
		t.Errorf("answers not saved as given and derived: %v", saved)
	}
	if len(fs.results[0]) != 3 {
		t.Errorf("results saved: %v", fs.results[0])
	}
	if !strings.Contains(out.String(), "t.hook") || !strings.Contains(errb.String(), "Config file written") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out.String(), errb.String())
	}
	noSecret(t, out.String(), errb.String())
}

// A consent that steers the flow is never taken from its derived default without a
// person: the webhook URL is written only with an explicit yes (--set-webhook).
func TestNonInteractiveConsentNeedsExplicitYes(t *testing.T) {
	for _, given := range []string{"", "true"} {
		a := goodAnswers()
		if given != "" {
			a["flow.t.set_hook"] = given
		}
		s, fs := newSession(t, testFlow(), a, steps.EN)
		chk := &fakeChecker{results: map[string]func(steps.Answers) verify.Result{"t.hook": pass("ok")}}
		s.Checker = chk
		o, _, _ := streams("")
		if err := RunNonInteractive(context.Background(), s, o); err != nil {
			t.Fatal(err)
		}
		want := "false"
		if given == "true" {
			want = "true"
		}
		if got := chk.seen[0].Get("flow.t.set_hook"); got != want {
			t.Errorf("given %q: checks saw consent %q, want %q", given, got, want)
		}
		if got := fs.answers[0].Get("flow.t.set_hook"); got != want {
			t.Errorf("given %q: saved consent %q, want %q", given, got, want)
		}
	}
}

func TestNonInteractiveJSON(t *testing.T) {
	s, fs := newSession(t, testFlow(), goodAnswers(), steps.JA)
	s.Checker = &fakeChecker{results: map[string]func(steps.Answers) verify.Result{"t.secret": pass("ok"), "t.bot": pass("ok")}}
	o, out, errb := streams("")
	o.JSON = true
	if err := RunNonInteractive(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	var rep verify.JSONReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("stdout is not the JSON report: %v\n%s", err, out.String())
	}
	if len(rep.Results) != 2 || rep.ExitCode != 0 {
		t.Errorf("report: %+v", rep)
	}
	if !strings.Contains(errb.String(), "設定ファイルを書き込みました") || fs.calls != 1 {
		t.Errorf("stderr:\n%s", errb.String())
	}
}

// Progress of a long wait prints at most one line per ten seconds of the injected clock.
func TestNonInteractiveProgressThrottled(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, _ := newSession(t, testFlow(), goodAnswers(), steps.EN)
	var emitted []verify.Event
	for _, sec := range []int{0, 3, 9, 10, 15, 21, 25} {
		emitted = append(emitted, verify.Event{ID: "t.hook", Kind: verify.Progress, Message: steps.T("waiting for LINE: "+strconv.Itoa(60-sec)+"s left", "待機中")})
	}
	chk := &fakeChecker{results: map[string]func(steps.Answers) verify.Result{"t.hook": pass("ok")}}
	s.Checker = &progressChecker{fakeChecker: chk, clock: clock, events: emitted, at: []int{0, 3, 9, 10, 15, 21, 25}}
	o, _, errb := streams("")
	o.Now = clock.now
	if err := RunNonInteractive(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	got := strings.Count(errb.String(), "t.hook: waiting for LINE")
	if got != 3 { // at 0, 10 and 21 seconds
		t.Errorf("%d progress lines, want 3:\n%s", got, errb.String())
	}
	for _, w := range []string{"60s left", "50s left", "39s left"} {
		if !strings.Contains(errb.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errb.String())
		}
	}
}

type progressChecker struct {
	*fakeChecker
	clock  *fakeClock
	events []verify.Event
	at     []int
}

func (p *progressChecker) Run(ctx context.Context, ids []string, a steps.Answers, emit func(verify.Event)) []verify.Result {
	start := p.clock.t
	for i, ev := range p.events {
		p.clock.t = start.Add(time.Duration(p.at[i]) * time.Second)
		emit(ev)
	}
	return p.fakeChecker.Run(ctx, ids, a, emit)
}

// Text from an API never brings escape sequences or a secret to the screen.
func TestNonInteractiveCleansAPIText(t *testing.T) {
	s, _ := newSession(t, testFlow(), goodAnswers(), steps.EN)
	s.Checker = &fakeChecker{results: map[string]func(steps.Answers) verify.Result{
		"t.secret": func(steps.Answers) verify.Result {
			return verify.Result{Status: verify.Fail, Step: "t.collect", Message: steps.T("LINE said \x1b[31mno\x1b[0m to "+testSecret, "x"), Detail: "echo " + testSecret}
		},
	}}
	s.Checker.(*fakeChecker).events = []verify.Event{{ID: "t.secret", Kind: verify.Progress, Message: steps.T("\x1b]0;title\x07waiting", "x")}}
	o, out, errb := streams("")
	err := RunNonInteractive(context.Background(), s, o)
	var code *wizard.ExitCodeError
	if !errors.As(err, &code) || code.Code != 3 {
		t.Fatalf("err = %v", err)
	}
	for _, o := range []string{out.String(), errb.String()} {
		if strings.ContainsRune(o, 0x1b) || strings.ContainsRune(o, 0x07) {
			t.Errorf("escape sequence reached the output: %q", o)
		}
	}
	noSecret(t, out.String(), errb.String())
	if !strings.Contains(out.String(), "LINE said no to [redacted]") {
		t.Errorf("secret not masked:\n%s", out.String())
	}
}

func TestNonInteractiveCancelled(t *testing.T) {
	s, fs := newSession(t, testFlow(), goodAnswers(), steps.EN)
	ctx, cancel := context.WithCancel(context.Background())
	s.Checker = &fakeChecker{results: map[string]func(steps.Answers) verify.Result{"t.secret": pass("ok")}, before: cancel}
	o, _, _ := streams("")
	if err := RunNonInteractive(ctx, s, o); !errors.Is(err, wizard.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if fs.calls != 0 {
		t.Errorf("saved after ctrl+c")
	}
}

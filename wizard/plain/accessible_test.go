package plain

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func withDraft(t *testing.T, s *wizard.Session) *wizard.DraftFile {
	t.Helper()
	s.Draft = wizard.DraftFor(t.TempDir(), s.Engine.Flow().ID, "/tmp/setup-wizard.yaml")
	return s.Draft
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// The whole test flow, answers piped one per line.
func TestAccessibleWalk(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	draft := withDraft(t, s)
	in := lines(
		"Salon Example", "n", // intro: the account does not exist yet
		"y",                      // create: done
		testSecret, "1234567890", // collect
		"1", "https://a.example, https://b.example", // more
		"y",    // hand-over
		"", "", // webhook: keep the derived URL and the consent
	)
	o, out, errb := streams(in)
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s%s", err, out.String(), errb.String())
	}
	got := out.String()
	for _, w := range []string{
		"Step 1 of 6: Start",
		"Intro body.",
		"  As in the manager.",
		"Step 2 of 6: Create it",
		"Important: Cannot be undone.",
		"  1. Entry page: https://entry.example/",
		"  2. Manager: https://manager.example/",
		"I created it (y/n): ",
		"Channel secret (not shown as you type): ",
		"  1. Cafe24\n  2. Another one\n",
		"Values to enter in the CMS:",
		"  Channel secret: 0123… (32 characters)",
		"  Callback URLs: https://a.example, https://b.example",
		"Secrets are shortened here; the full values are in /tmp/setup-wizard.yaml",
		"Webhook URL [Enter keeps https://cms.example.com/hook]: ",
		"Write it for me (y/n) [Enter keeps yes]: ",
		"All steps are done.",
		"Config file written: /tmp/setup-wizard.yaml",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if strings.Contains(got, "Type o and Enter") {
		t.Errorf("offers to open a browser without an opener")
	}
	noSecret(t, got, errb.String())
	if fs.calls != 2 {
		t.Fatalf("Save called %d times, want 2 (hand-over, end)", fs.calls)
	}
	if fs.results[0] != nil || fs.results[1] != nil {
		t.Errorf("results saved without a checker: %v", fs.results)
	}
	a := fs.answers[1]
	want := map[string]string{
		"line.account_name":                 "Salon Example",
		"line.messaging_api.channel_secret": testSecret,
		"line.login.channel_id":             "1234567890",
		"naver.platform":                    "cafe24",
		"naver.pc_web.callback_urls":        "https://a.example\nhttps://b.example",
		"line.messaging_api.webhook_url":    "https://cms.example.com/hook",
		"flow.t.set_hook":                   "true",
		"flow.done.t.create":                "true",
	}
	for k, v := range want {
		if a[k] != v {
			t.Errorf("%s = %q, want %q", k, a[k], v)
		}
	}
	if fileExists(draft.Path) {
		t.Errorf("draft left behind after the end")
	}
}

func TestAccessibleBackKeepsValues(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	in := lines(
		"<",          // first step: nothing before it
		"Salon", "y", // intro; the account exists, so "create" is skipped
		"<",    // back from collect to intro
		"", "", // Enter keeps both
		testSecret, "back", // back again from the second field
		"", "",
		"", "1234567890", // the secret is kept too
		"2", "",
		"y",
		"", "n",
	)
	o, out, _ := streams(in)
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	if !strings.Contains(got, "This is the first step") {
		t.Errorf("no word that the first step has nothing before it")
	}
	if n := strings.Count(got, "Step 1 of "); n != 3 {
		t.Errorf("intro shown %d times, want 3", n)
	}
	if strings.Contains(got, "Create it") {
		t.Errorf("skipped step shown")
	}
	for _, w := range []string{"Account name [Enter keeps Salon]: ", "The account exists (y/n) [Enter keeps yes]: ", "Channel secret (not shown as you type) [Enter keeps 0123… (32 characters)]: "} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	a := fs.answers[len(fs.answers)-1]
	if a["line.account_name"] != "Salon" || a["line.messaging_api.channel_secret"] != testSecret || a["naver.platform"] != "other" || a["flow.t.set_hook"] != "false" {
		t.Errorf("answers: %v", a)
	}
	noSecret(t, got)
}

func TestAccessibleBadValueAskedAgain(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	in := lines(
		"Salon", "maybe", "y",
		"tooShortSecret", testSecret, "12x", "123456789", // a wrong secret, a wrong ID, then an ID that only warns
		"3", "cafe24", "http://x.example", "",
		"y", "", "",
	)
	o, out, _ := streams(in)
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	for _, w := range []string{
		"Please answer y (yes) or n (no).",
		"Channel secret: must be 32 letters or digits, got 14. Copy it again from the Basic settings tab.",
		"Channel ID: must be digits only.",
		"warning: Channel ID: is usually 10 digits, got 9.",
		"Platform: That is not one of the numbers listed.",
		"Callback URLs: must start with https://.",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	a := fs.answers[len(fs.answers)-1]
	if a["line.login.channel_id"] != "123456789" || a["naver.platform"] != "cafe24" || a["naver.pc_web.callback_urls"] != "" {
		t.Errorf("answers: %v", a)
	}
	if strings.Contains(got, "tooShortSecret") {
		t.Errorf("a typed secret was printed back")
	}
}

func TestAccessibleGivesUpOnPipedBadValues(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	draft := withDraft(t, s)
	in := lines("Salon", "y", "a", "b", "c", testSecret)
	o, out, _ := streams(in)
	err := RunAccessible(context.Background(), s, o)
	var inv *wizard.InvalidError
	if !errors.As(err, &inv) || inv.Problems[0].Field != "line.messaging_api.channel_secret" {
		t.Fatalf("err = %v", err)
	}
	if n := strings.Count(out.String(), "Channel secret: must be 32"); n != 3 {
		t.Errorf("asked %d times, want 3", n)
	}
	if fs.calls != 0 {
		t.Errorf("config saved")
	}
	d, ok, _ := draft.Load()
	if !ok || d.Step != "t.collect" || d.Answers["line.account_name"] != "Salon" {
		t.Errorf("draft: %+v %v", d, ok)
	}
}

func TestAccessibleInputEndsNamesField(t *testing.T) {
	for _, l := range []steps.Lang{steps.EN, steps.JA} {
		s, _ := newSession(t, testFlow(), nil, l)
		draft := withDraft(t, s)
		o, _, errb := streams(lines("Salon", "y"))
		err := RunAccessible(context.Background(), s, o)
		var code *wizard.ExitCodeError
		var na *NoAnswerError
		if !errors.As(err, &code) || code.Code != wizard.ExitUsage || !errors.As(err, &na) || na.What != "line.messaging_api.channel_secret" {
			t.Fatalf("err = %v", err)
		}
		want := map[steps.Lang]string{
			steps.EN: "no answer for line.messaging_api.channel_secret: the input ended",
			steps.JA: "line.messaging_api.channel_secretへの回答がありません：入力が終わりました",
		}[l]
		if !strings.Contains(errb.String(), want) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("stderr %q, err %q; want %q", errb.String(), err.Error(), want)
		}
		// Every key still without a value is named, so that CI can give them another way.
		if got := na.Missing; !slices.Equal(got, []string{"line.messaging_api.channel_secret", "line.login.channel_id", "naver.platform"}) {
			t.Errorf("missing = %q", got)
		}
		if !strings.Contains(errb.String(), "line.login.channel_id") {
			t.Errorf("stderr does not list the missing keys: %q", errb.String())
		}
		if d, ok, _ := draft.Load(); !ok || d.Step != "t.collect" {
			t.Errorf("draft not kept: %+v", d)
		}
	}
}

func TestAccessibleResume(t *testing.T) {
	pending := wizard.Draft{Flow: "test.flow", Step: "t.more", Answers: goodAnswers(), Saved: time.Date(2026, 1, 2, 3, 4, 0, 0, time.Local)}
	delete(pending.Answers, "naver.platform")

	t.Run("yes", func(t *testing.T) {
		s, fs := newSession(t, testFlow(), nil, steps.EN)
		withDraft(t, s)
		s.Pending = &pending
		o, out, _ := streams(lines("y", "2", "", "y", "", ""))
		if err := RunAccessible(context.Background(), s, o); err != nil {
			t.Fatalf("err = %v\n%s", err, out.String())
		}
		got := out.String()
		if !strings.Contains(got, `You stopped at the step "More" last time (2026-01-02 03:04). Continue from there? (y/n) [Enter keeps yes]: `) {
			t.Errorf("no resume question:\n%s", got)
		}
		if strings.Contains(got, "Step 1 of 5") || !strings.Contains(got, "Step 3 of 5: More") {
			t.Errorf("did not resume at the saved step:\n%s", got)
		}
		a := fs.answers[len(fs.answers)-1]
		if a["line.messaging_api.channel_secret"] != testSecret || a["naver.platform"] != "other" {
			t.Errorf("answers: %v", a)
		}
	})
	t.Run("no", func(t *testing.T) {
		s, _ := newSession(t, testFlow(), nil, steps.JA)
		draft := withDraft(t, s)
		if err := draft.Save(pending); err != nil {
			t.Fatal(err)
		}
		s.Pending = &pending
		o, out, _ := streams(lines("いいえ"))
		err := RunAccessible(context.Background(), s, o)
		var na *NoAnswerError
		if !errors.As(err, &na) || na.What != "line.account_name" {
			t.Fatalf("err = %v", err)
		}
		got := out.String()
		if !strings.Contains(got, "前回はステップ「その他」で中断しました") || !strings.Contains(got, "最初のステップから始めます。") || !strings.Contains(got, "ステップ1 / 6：はじめに") {
			t.Errorf("output:\n%s", got)
		}
	})
}

// A walk whose file could not be written at the end is offered again, and writes it.
func TestAccessibleResumeAfterFailedSave(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	withDraft(t, s)
	s.Save = func(a steps.Answers, r []verify.Result) (string, error) {
		if fs.calls == 1 { // the hand-over save works, the last one does not
			fs.err = errors.New("disk full")
		}
		return fs.save(a, r)
	}
	o, out, _ := streams(lines("Salon", "y", testSecret, "1234567890", "1", "", "y", "", ""))
	err := RunAccessible(context.Background(), s, o)
	var code *wizard.ExitCodeError
	if !errors.As(err, &code) || code.Code != wizard.ExitError || !strings.Contains(out.String(), "Could not write the config file: disk full") {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	d, ok, _ := s.Draft.Load()
	if !ok || d.Step != "" {
		t.Fatalf("draft: %+v %v", d, ok)
	}
	// The draft holds no secret: it names the one to type again.
	if b, _ := os.ReadFile(s.Draft.Path); bytes.Contains(b, []byte(testSecret)) || !slices.Equal(d.Retype, []string{"line.messaging_api.channel_secret"}) {
		t.Fatalf("draft holds the secret or does not name it:\n%s", b)
	}

	s2, fs2 := newSession(t, testFlow(), nil, steps.EN)
	s2.Draft, s2.Pending = s.Draft, &d
	// Continue; the secret is asked for again at its step, the rest keeps its values.
	o, out, _ = streams(lines("", testSecret, "", "", "", "", "", ""))
	if err := RunAccessible(context.Background(), s2, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	if !strings.Contains(got, "Secrets are not kept in drafts, so these are asked for again at their step: Channel secret.") ||
		!strings.Contains(got, "every step was done but the config file was not written") ||
		!strings.Contains(got, "Step 2 of 5: Collect") || fs2.calls == 0 || fs2.answers[len(fs2.answers)-1]["line.messaging_api.channel_secret"] != testSecret {
		t.Errorf("output:\n%s\nsaves %d", got, fs2.calls)
	}
}

func TestAccessibleFailedCheckGoesBack(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	chk := &fakeChecker{results: map[string]func(steps.Answers) verify.Result{
		"t.secret": func(a steps.Answers) verify.Result {
			if a.Get("line.messaging_api.channel_secret") == testSecret2 {
				return verify.Result{Status: verify.Pass, Message: steps.T("The secret is right.", "正しいです。"), Learnt: map[string]string{"line.messaging_api.channel_id": "2000000001"}}
			}
			return verify.Result{Status: verify.Fail, Step: "t.collect", Message: steps.T("The secret does not belong to this channel.", "違います。"), Detail: "400 invalid_client"}
		},
		"t.bot":  pass("Chat is on."),
		"t.hook": pass("The webhook answers."),
	}}
	s.Checker = chk
	in := lines(
		"Salon", "y",
		testSecret, "1234567890",
		"g", // go to Collect
		testSecret2, "",
		"1", "",
		"y",
		"", "",
	)
	o, out, _ := streams(in)
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	for _, w := range []string{
		`FAILED: t.secret: The secret does not belong to this channel. (fix it at the step "Collect")`,
		"detail: 400 invalid_client",
		`g = go to step 2 “Collect” to fix it, r = check again now, n = continue anyway (the end lists it as a problem): `,
		"Checked again: it passes now.",
		"OK: t.secret: The secret is right.",
		"OK: t.hook: The webhook answers.",
		"Live checks:",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	if n := strings.Count(got, "Step 2 of 5: Collect"); n != 2 {
		t.Errorf("Collect shown %d times, want 2", n)
	}
	last := fs.results[len(fs.results)-1]
	if len(last) != 3 {
		t.Fatalf("results saved: %v", last)
	}
	for _, r := range last {
		if r.Status != verify.Pass {
			t.Errorf("saved %s %s, want the latest (pass)", r.ID, r.Status)
		}
	}
	if fs.answers[len(fs.answers)-1]["line.messaging_api.channel_id"] != "2000000001" {
		t.Errorf("learnt value not saved")
	}
	noSecret(t, got)
}

func TestAccessibleDeclinedFailureEndsWithExitCode(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	s.Checker = &fakeChecker{results: map[string]func(steps.Answers) verify.Result{
		"t.bot": func(steps.Answers) verify.Result {
			return verify.Result{Status: verify.Fail, Step: "t.collect", Message: steps.T("Chat is off.", "チャットがオフです。")}
		},
	}}
	in := lines("Salon", "y", testSecret, "1234567890", "n", "1", "", "y", "", "")
	o, out, _ := streams(in)
	err := RunAccessible(context.Background(), s, o)
	var code *wizard.ExitCodeError
	if !errors.As(err, &code) || code.Code != 3 {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	if fs.calls != 2 || len(fs.results[1]) != 1 {
		t.Errorf("saves: %d %v", fs.calls, fs.results)
	}
	for _, want := range []string{"continue anyway", "Going on with a problem left", "Finished with 1 problem: t.bot (step 2 “Collect”).", "(exit code 3)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "All steps are done") {
		t.Errorf("the walk says done while a check fails:\n%s", out.String())
	}
}

func TestAccessibleCancelled(t *testing.T) {
	s, _ := newSession(t, testFlow(), nil, steps.EN)
	draft := withDraft(t, s)
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- RunAccessible(ctx, s, Options{In: pr, Out: &out}) }()
	if _, err := pw.Write([]byte("Salon\n")); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; !errors.Is(err, wizard.ErrInterrupted) {
		t.Fatalf("err = %v", err)
	}
	if d, ok, _ := draft.Load(); !ok || d.Step != "t.intro" {
		t.Errorf("draft not kept: %+v %v", d, ok)
	}
}

// With a TTY, secrets are asked there and read from there, not from the piped stdin.
func TestAccessibleSecretFromTTY(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.EN)
	var ttyOut bytes.Buffer
	o, out, _ := streams(lines("Salon", "y", "1234567890", "1", "", "y", "", ""))
	o.TTY = struct {
		io.Reader
		io.Writer
	}{strings.NewReader(testSecret + "\n"), &ttyOut}
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	if !strings.Contains(ttyOut.String(), "Channel secret (not shown as you type): ") || strings.Contains(out.String(), "Channel secret (not shown") {
		t.Errorf("secret prompt not on the TTY: tty %q", ttyOut.String())
	}
	if fs.answers[len(fs.answers)-1]["line.messaging_api.channel_secret"] != testSecret {
		t.Errorf("secret not read from the TTY")
	}
	noSecret(t, out.String(), ttyOut.String())
}

func TestAccessibleOpensLinks(t *testing.T) {
	s, _ := newSession(t, testFlow(), nil, steps.EN)
	var opened []string
	s.OpenURL = func(u string) error {
		opened = append(opened, u)
		if strings.Contains(u, "manager") {
			return errors.New("no display")
		}
		return nil
	}
	o, out, _ := streams(lines("Salon", "n", "o", "o2", "o9", "y", testSecret, "1234567890", "1", "", "y", "", ""))
	err := RunAccessible(context.Background(), s, o)
	if err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	if strings.Join(opened, " ") != "https://entry.example/ https://manager.example/" {
		t.Errorf("opened %v", opened)
	}
	for _, w := range []string{
		"Type o and Enter to open the first page in your browser, o2 for the second.",
		"Opened in your browser: https://entry.example/",
		"Could not open a browser. Open this address yourself: https://manager.example/",
		"Please answer y (yes) or n (no).", // o9: no such page
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("output lacks %q", w)
		}
	}
}

func TestAccessibleJapanese(t *testing.T) {
	s, fs := newSession(t, testFlow(), nil, steps.JA)
	in := lines("サロン", "いいえ", "はい", testSecret, "1234567890", "2", "", "はい", "", "いいえ")
	o, out, _ := streams(in)
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
	got := out.String()
	for _, w := range []string{"ステップ1 / 6：はじめに", "作成した（はい/いいえ）：", "重要：取り消せません。", "すべてのステップが終わりました。", "設定ファイルを書き込みました：/tmp/setup-wizard.yaml"} {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q", w)
		}
	}
	a := fs.answers[len(fs.answers)-1]
	if a["flow.t.exists"] != "false" || a["flow.done.t.create"] != "true" || a["flow.t.set_hook"] != "false" {
		t.Errorf("answers: %v", a)
	}
	noSecret(t, got)
}

// A value from the environment is offered, shortened, and Enter keeps it.
func TestAccessibleKeepsGivenSecret(t *testing.T) {
	s, fs := newSession(t, testFlow(), steps.Answers{"line.messaging_api.channel_secret": testSecret2}, steps.EN)
	o, out, _ := streams(lines("Salon", "y", "", "1234567890", "1", "", "y", "", ""))
	if err := RunAccessible(context.Background(), s, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "[Enter keeps fedc… (32 characters)]") {
		t.Errorf("output:\n%s", out.String())
	}
	if fs.answers[1]["line.messaging_api.channel_secret"] != testSecret2 {
		t.Errorf("secret not kept")
	}
	noSecret(t, out.String())
}

func TestChoose(t *testing.T) {
	opts := []steps.Option{
		{Value: "new", Label: steps.T("First time", "はじめて")},
		{Value: "switch", Label: steps.T("Switching", "乗り換え")},
	}
	title := steps.T("Which LINE flow?", "どちらの手順ですか？")
	tests := []struct {
		in   string
		want string
	}{
		{"2\n", "switch"},
		{"new\n", "new"},
		{"はじめて\n", "new"},
		{"7\nswitch\n", "switch"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		got, err := Choose(context.Background(), steps.JA, title, opts, Options{In: strings.NewReader(tt.in), Out: &out})
		if err != nil || got != tt.want {
			t.Errorf("%q: got %q, %v", tt.in, got, err)
		}
		if !strings.Contains(out.String(), "どちらの手順ですか？\n  1. はじめて\n  2. 乗り換え\n番号（1〜2）：") {
			t.Errorf("output:\n%s", out.String())
		}
	}

	var out bytes.Buffer
	_, err := Choose(context.Background(), steps.EN, title, opts, Options{In: strings.NewReader(""), Out: &out})
	var code *wizard.ExitCodeError
	if !errors.As(err, &code) || code.Code != 2 || !strings.Contains(out.String(), "no answer for Which LINE flow?: the input ended") {
		t.Errorf("EOF: %v\n%s", err, out.String())
	}
	_, err = Choose(context.Background(), steps.EN, title, opts, Options{In: strings.NewReader("x\ny\nz\n"), Out: &out})
	var inv *wizard.InvalidError
	if !errors.As(err, &inv) {
		t.Errorf("three wrong answers: %v", err)
	}
	_, err = Choose(context.Background(), steps.EN, title, opts, Options{In: strings.NewReader("1\n"), Out: &out, NonInteractive: true})
	if !errors.As(err, &code) {
		t.Errorf("non-interactive Choose waited: %v", err)
	}
}

// A text to paste into a console in another language is read out in full with what it
// says in the operator's language (NAVER's Korean review form).
func TestAccessibleReadsTheTranslation(t *testing.T) {
	fl := &steps.Flow{ID: "t", Provider: "naver", Title: steps.T("T", "T"), Steps: []*steps.Step{{
		ID: "t.review", Title: steps.T("Review", "審査"), Body: steps.T("Fill in the form.", "フォームを埋めます。"),
		Fields: []steps.Field{{
			Key: "flow.t.purpose", Label: steps.T("Purpose (Korean)", "利用目的（韓国語）"), Kind: steps.KindText, Optional: true,
			Derive: func(steps.Answers) string { return "카페24" },
			Translation: func(_ steps.Answers, l steps.Lang) string {
				return steps.T("Cafe24, the platform", "プラットフォーム名Cafe24").In(l)
			},
		}},
	}}}
	for _, c := range []struct {
		l    steps.Lang
		want []string
	}{
		{steps.EN, []string{"To paste: 카페24", "What it says: Cafe24, the platform"}},
		{steps.JA, []string{"貼り付ける文：카페24", "内容：プラットフォーム名Cafe24"}},
	} {
		s, _ := newSession(t, fl, nil, c.l)
		o, out, _ := streams(lines(""))
		if err := RunAccessible(context.Background(), s, o); err != nil {
			t.Fatalf("%s: err = %v\n%s", c.l, err, out.String())
		}
		for _, w := range c.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: output lacks %q:\n%s", c.l, w, out.String())
			}
		}
	}
}

// TestAccessibleBackFromFirstStep: "<" on the first step of a walk a question chose ends
// it with ErrBackToStart, so that the command asks that question again.
func TestAccessibleBackFromFirstStep(t *testing.T) {
	s, _ := newSession(t, testFlow(), nil, steps.EN)
	s.BackToStart = true
	o, out, _ := streams(lines("<"))
	if err := RunAccessible(context.Background(), s, o); !errors.Is(err, wizard.ErrBackToStart) {
		t.Fatalf("err = %v\n%s", err, out.String())
	}
}

// TestAccessibleAnswersEndAtTheStop: piped answers that end where the walk stops on a
// failure go on, and the walk ends saying what failed with exit 3, not "no answer".
func TestAccessibleAnswersEndAtTheStop(t *testing.T) {
	s, _ := newSession(t, testFlow(), nil, steps.EN)
	s.Checker = &fakeChecker{results: map[string]func(steps.Answers) verify.Result{
		"t.hook": func(steps.Answers) verify.Result {
			return verify.Result{Status: verify.Fail, Step: "t.hook", Message: steps.T("The webhook is off.", "オフです。")}
		},
	}}
	o, out, _ := streams(lines("Salon", "y", testSecret, "1234567890", "1", "", "y", "", ""))
	err := RunAccessible(context.Background(), s, o)
	var code *wizard.ExitCodeError
	if !errors.As(err, &code) || code.Code != wizard.ExitCheckFailed {
		t.Fatalf("err = %v, want exit 3\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Finished with 1 problem: t.hook") {
		t.Errorf("the end does not say what failed:\n%s", out.String())
	}
}

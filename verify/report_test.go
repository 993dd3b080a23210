package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
)

func sampleResults() []Result {
	return []Result{
		{ID: "line.token", Status: Pass, Step: "line.collect", Message: steps.T("The channel access token is valid.", "チャネルアクセストークンは有効です。"), Attempts: 1, Duration: 120 * time.Millisecond},
		{ID: "line.bot", Status: Fail, Step: "line.chat_on",
			Message: steps.T("Chat is off.\x1b[2J Switch it on.", "チャットがオフです。\x1b]0;x\x07オンにしてください。"),
			Detail:  "chatMode=bot\r\x1b[31m", Attempts: 2, Duration: 1500 * time.Millisecond},
		{ID: "line.friend_url", Status: Skipped, Step: "line.collect", Message: steps.T("Not checked, because line.bot did not pass.", "line.botが通らなかったため、確認していません。"), Detail: "needs line.bot"},
		{ID: "line.webhook.test", Status: Error, Step: "line.webhook", Message: steps.T("LINE could not be reached.", "LINEに接続できませんでした。"), Detail: "dial tcp: connection refused", Attempts: 3},
		{ID: "line.login.callback", Status: Warn, Step: "line.callback", Message: steps.T("Check the callback.", "コールバックを確認してください。")},
	}
}

func TestWriteTextBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		lang steps.Lang
		want []string
	}{
		{steps.EN, []string{
			"✓ PASS   line.token           The channel access token is valid.",
			"✗ FAIL   line.bot             Chat is off. Switch it on.",
			"→ step line.chat_on",
			"detail (for support): chatMode=bot",
			"- SKIP   line.friend_url",
			"? ERROR  line.webhook.test    LINE could not be reached.",
			"! WARN   line.login.callback",
			"5 checks: 1 passed, 1 with a warning, 1 failed, 1 could not tell, 1 skipped. Fix what failed",
		}},
		{steps.JA, []string{
			"✓ PASS   line.token           チャネルアクセストークンは有効です。",
			"✗ FAIL   line.bot             チャットがオフです。オンにしてください。",
			"→ ステップline.chat_onに戻って",
			"詳細（サポート向け）: chatMode=bot",
			"チェック5件：成功1、警告1、失敗1、確認できず1、未実施1。",
		}},
	} {
		var b bytes.Buffer
		if err := WriteText(&b, sampleResults(), tc.lang); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s report lacks %q:\n%s", tc.lang, w, out)
			}
		}
		if strings.ContainsAny(out, "\x1b\x07\r") {
			t.Errorf("%s report carries control characters: %q", tc.lang, out)
		}
		if strings.Contains(out, "→ step line.callback") != (tc.lang == steps.EN) {
			t.Errorf("%s: warning's step missing or in the wrong language", tc.lang)
		}
	}
}

func TestWriteTextNamesSteps(t *testing.T) {
	var b bytes.Buffer
	titles := func(id string) steps.Text {
		if id == "line.chat_on" {
			return steps.T("③ Switch Chat on", "③ チャットをオンにする")
		}
		return steps.Text{}
	}
	WriteTextNamed(&b, sampleResults(), steps.JA, titles)
	for _, w := range []string{"→ ステップ「③ チャットをオンにする」（line.chat_on）に戻って", "→ ステップline.callbackに戻って"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, b.String())
		}
	}
}

func TestWriteTextNothingChecked(t *testing.T) {
	var b bytes.Buffer
	WriteText(&b, nil, steps.EN)
	if b.String() != "0 checks. Nothing was checked.\n" {
		t.Fatalf("%q", b.String())
	}
}

var update = flag.Bool("update", false, "rewrite the golden files")

var sampleMeta = ReportMeta{Tool: Tool{Name: "setup-wizard", Version: "v1.2.3"}, Provider: "line", Flow: "line.new", Config: "shop.yaml"}

// The --json report is the contract's shape exactly: the golden file is the contract's
// example, and it reads back into the same struct.
func TestWriteJSONGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sampleMeta, sampleResults(), steps.JA); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden.json")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("report differs from %s (go test ./verify -update to accept):\n%s", golden, b.String())
	}
	if strings.Contains(b.String(), `\u001b`) || strings.ContainsAny(b.String(), "\x1b\x07") {
		t.Errorf("JSON report carries escape sequences: %s", b.String())
	}
	var back JSONReport
	dec := json.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, NewJSONReport(sampleMeta, sampleResults(), steps.JA)) {
		t.Errorf("round trip changed the report: %+v", back)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema", "tool", "provider", "flow", "config", "results", "summary", "exit_code"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("report lacks %q", k)
		}
	}
	if len(doc) != 8 || doc["exit_code"] != float64(3) || doc["schema"] != float64(1) {
		t.Fatalf("top level %v", doc)
	}
	bot := doc["results"].([]any)[1].(map[string]any)
	if len(bot) != 5 || bot["id"] != "line.bot" || bot["status"] != "fail" || bot["step"] != "line.chat_on" ||
		bot["message"] != "チャットがオフです。オンにしてください。" {
		t.Errorf("line.bot result %v", bot)
	}
	sum := doc["summary"].(map[string]any)
	if len(sum) != 5 {
		t.Errorf("summary %v, want exactly pass, warn, fail, skipped, error", sum)
	}

	// No results still gives an array, never null; one line for a batch.
	b.Reset()
	WriteReport(&b, NewJSONReport(sampleMeta, nil, steps.EN), false)
	if !strings.Contains(b.String(), `"results":[]`) || !strings.Contains(b.String(), `"exit_code":0`) || strings.Count(b.String(), "\n") != 1 {
		t.Errorf("empty report %s", b.String())
	}
}

func TestExitCodeAndWorst(t *testing.T) {
	r := func(ss ...Status) []Result {
		var out []Result
		for _, s := range ss {
			out = append(out, Result{Status: s})
		}
		return out
	}
	for _, tc := range []struct {
		in    []Result
		code  int
		worst Status
	}{
		{nil, 0, Skipped},
		{r(Pass, Pass), 0, Pass},
		{r(Pass, Warn, Skipped), 0, Warn},
		{r(Pass, Skipped), 0, Skipped},
		{r(Pass, Error, Warn), 4, Error},
		{r(Error, Fail, Pass), 3, Fail},
		{r(Fail, Skipped), 3, Fail},
		{r(Pass, "odd"), 4, Error},
	} {
		if got := ExitCode(tc.in); got != tc.code {
			t.Errorf("ExitCode(%v) = %d, want %d", tc.in, got, tc.code)
		}
		if got := Worst(tc.in); got != tc.worst {
			t.Errorf("Worst(%v) = %s, want %s", tc.in, got, tc.worst)
		}
	}
}

func TestConfigResults(t *testing.T) {
	cr := ConfigResults(sampleResults(), steps.EN)
	if len(cr) != 5 {
		t.Fatalf("%d", len(cr))
	}
	if c := cr[1]; c.ID != "line.bot" || c.Status != "fail" || c.Step != "line.chat_on" || c.Message != "Chat is off. Switch it on." || c.Detail != "chatMode=bot" {
		t.Errorf("%+v", c)
	}
	at := time.Date(2026, 1, 1, 9, 0, 0, 500, time.FixedZone("JST", 9*3600))
	v := Verification(sampleResults(), steps.JA, at)
	if !v.At.Equal(at.Truncate(time.Second)) || v.At.Location() != time.UTC || v.Results[0].Message != "チャネルアクセストークンは有効です。" {
		t.Errorf("%+v", v)
	}
}

func TestURLsFromEnv(t *testing.T) {
	u, err := URLsFromEnv(func(string) string { return "" })
	if u != DefaultURLs() || err != nil {
		t.Fatalf("defaults %+v", u)
	}
	if u.LineAPI != "https://api.line.me" || u.LineAccess != "https://access.line.me" ||
		u.NaverNID != "https://nid.naver.com" || u.NaverOpenAPI != "https://openapi.naver.com" || u.LinEE != "https://lin.ee" {
		t.Fatalf("defaults %+v", u)
	}
	env := map[string]string{
		"SETUP_WIZARD_LINE_API_URL":      " http://127.0.0.1:8080/ ",
		"SETUP_WIZARD_LINE_ACCESS_URL":   "http://127.0.0.1:8081//",
		"SETUP_WIZARD_NAVER_NID_URL":     "https://proxy.example.com/nid/",
		"SETUP_WIZARD_NAVER_OPENAPI_URL": "https://openapi.example.com",
	}
	u, err = URLsFromEnv(func(k string) string { return env[k] })
	want := BaseURLs{LineAPI: "http://127.0.0.1:8080", LineAccess: "http://127.0.0.1:8081", NaverNID: "https://proxy.example.com/nid", NaverOpenAPI: "https://openapi.example.com", LinEE: "https://lin.ee"}
	if u != want || err != nil {
		t.Fatalf("got %+v (%v), want %+v", u, err, want)
	}
	env["SETUP_WIZARD_LINE_API_URL"] = "api.line.me"
	env["SETUP_WIZARD_NAVER_NID_URL"] = "https://nid.example.com/?x=1"
	_, err = URLsFromEnv(func(k string) string { return env[k] })
	var ue *URLError
	if !errors.As(err, &ue) || ue.Var != "SETUP_WIZARD_LINE_API_URL" {
		t.Fatalf("err %v", err)
	}
	for _, w := range []string{"SETUP_WIZARD_LINE_API_URL", `"api.line.me"`, "https://", "SETUP_WIZARD_NAVER_NID_URL"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if !strings.Contains(ue.Message(steps.JA), "使えません") {
		t.Errorf("ja message %q", ue.Message(steps.JA))
	}
}

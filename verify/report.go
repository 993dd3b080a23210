package verify

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Exit codes of a verification (the same numbers as wizard.ExitCheckFailed and
// wizard.ExitUnreachable; wizard imports this package, so they are repeated here).
const (
	ExitOK          = 0
	ExitCheckFailed = 3
	ExitUnreachable = 4
)

// ExitCode is 3 when any check failed, else 4 when any could not tell, else 0.
func ExitCode(results []Result) int {
	switch Worst(results) {
	case Fail:
		return ExitCheckFailed
	case Error:
		return ExitUnreachable
	}
	return ExitOK
}

// severity orders statuses from best to worst.
func severity(s Status) int {
	switch s {
	case Pass:
		return 0
	case Skipped:
		return 1
	case Warn:
		return 2
	case Error:
		return 3
	case Fail:
		return 4
	}
	return 3
}

// Worst is the worst status among results (fail, error, warn, skipped, pass); with no
// results it is Skipped: nothing was checked.
func Worst(results []Result) Status {
	if len(results) == 0 {
		return Skipped
	}
	w := Pass
	for _, r := range results {
		st := r.Status
		switch st {
		case Pass, Warn, Fail, Skipped:
		default:
			st = Error // an unknown status could not tell
		}
		if severity(st) > severity(w) {
			w = st
		}
	}
	return w
}

// Mark is a status's label that reads without colour.
func Mark(s Status) string {
	switch s {
	case Pass:
		return "✓ PASS"
	case Warn:
		return "! WARN"
	case Fail:
		return "✗ FAIL"
	case Skipped:
		return "- SKIP"
	}
	return "? ERROR"
}

// Summary counts results by status.
type Summary struct {
	Total   int    `json:"total"`
	Pass    int    `json:"pass"`
	Warn    int    `json:"warn"`
	Fail    int    `json:"fail"`
	Skipped int    `json:"skipped"`
	Error   int    `json:"error"`
	Worst   Status `json:"worst"`
}

// Summarize counts results by status.
func Summarize(results []Result) Summary {
	s := Summary{Total: len(results), Worst: Worst(results)}
	for _, r := range results {
		switch r.Status {
		case Pass:
			s.Pass++
		case Warn:
			s.Warn++
		case Fail:
			s.Fail++
		case Skipped:
			s.Skipped++
		default:
			s.Error++
		}
	}
	return s
}

// line is one result made safe to show: every string cleaned.
type line struct {
	ID, Message, Step, Detail string
}

func cleanResult(r Result, lang steps.Lang) line {
	return line{
		ID:      steps.Clean(r.ID),
		Message: steps.Clean(r.Message.In(lang)),
		Step:    steps.Clean(r.Step),
		Detail:  steps.Clean(r.Detail),
	}
}

// WriteText writes the report for a person: one line per check with its mark, id and
// message, the step to go back to, detail for support indented below, and a summary.
func WriteText(w io.Writer, results []Result, lang steps.Lang) error {
	return WriteTextNamed(w, results, lang, nil)
}

// WriteTextNamed is WriteText naming each step to go back to by its title, which
// stepTitle finds from the step id (the flows know them); nil or a zero Text shows the id.
func WriteTextNamed(w io.Writer, results []Result, lang steps.Lang, stepTitle func(id string) steps.Text) error {
	width := 0
	for _, r := range results {
		width = max(width, len([]rune(steps.Clean(r.ID))))
	}
	const indent = "         "
	var b strings.Builder
	for _, r := range results {
		l := cleanResult(r, lang)
		fmt.Fprintf(&b, "%-7s  %-*s  %s\n", Mark(r.Status), width, l.ID, l.Message)
		if l.Step != "" && (r.Status == Fail || r.Status == Warn) { // an error (could not tell) is no console fix
			step := l.Step
			if stepTitle != nil {
				if title := steps.Clean(stepTitle(r.Step).In(lang)); title != "" {
					step = fmt.Sprintf("%s (%s)", title, l.Step)
					if lang == steps.JA {
						step = fmt.Sprintf("「%s」（%s）", title, l.Step)
					}
				}
			}
			if lang == steps.JA {
				fmt.Fprintf(&b, "%s→ ステップ%sに戻って直してください\n", indent, step)
			} else {
				fmt.Fprintf(&b, "%s→ step %s: go back there to fix it\n", indent, step)
			}
		}
		if l.Detail != "" && r.Status != Pass {
			if lang == steps.JA {
				fmt.Fprintf(&b, "%s  詳細（サポート向け）: %s\n", indent, l.Detail)
			} else {
				fmt.Fprintf(&b, "%s  detail (for support): %s\n", indent, l.Detail)
			}
		}
	}
	b.WriteString(summaryLine(Summarize(results), lang))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func summaryLine(s Summary, lang steps.Lang) string {
	type part struct {
		n      int
		en, ja string
	}
	parts := []part{
		{s.Pass, "passed", "成功"},
		{s.Warn, "with a warning", "警告"},
		{s.Fail, "failed", "失敗"},
		{s.Error, "could not tell", "確認できず"},
		{s.Skipped, "skipped", "未実施"},
	}
	var out []string
	for _, p := range parts {
		if p.n == 0 {
			continue
		}
		if lang == steps.JA {
			out = append(out, fmt.Sprintf("%s%d", p.ja, p.n))
		} else {
			out = append(out, fmt.Sprintf("%d %s", p.n, p.en))
		}
	}
	var verdict string
	switch s.Worst {
	case Fail:
		verdict = steps.T("Fix what failed at the step named, then verify again.", "失敗した項目を、示されたステップで直してから、もう一度確認してください。").In(lang)
	case Error:
		verdict = steps.T("Some checks could not reach the service; try again when the connection is back.", "サービスに接続できなかった項目があります。接続が戻ったら、もう一度お試しください。").In(lang)
	case Warn:
		verdict = steps.T("Everything works; look at the warnings when you can.", "動作に問題はありません。時間のあるときに警告を確認してください。").In(lang)
	case Pass:
		verdict = steps.T("Everything checked is right.", "確認した項目はすべて正常です。").In(lang)
	default:
		verdict = steps.T("Nothing was checked.", "確認した項目はありません。").In(lang)
	}
	if lang == steps.JA {
		if len(out) == 0 {
			return fmt.Sprintf("チェック%d件。%s", s.Total, verdict)
		}
		return fmt.Sprintf("チェック%d件：%s。%s", s.Total, strings.Join(out, "、"), verdict)
	}
	noun := "checks"
	if s.Total == 1 {
		noun = "check"
	}
	if len(out) == 0 {
		return fmt.Sprintf("%d %s. %s", s.Total, noun, verdict)
	}
	return fmt.Sprintf("%d %s: %s. %s", s.Total, noun, strings.Join(out, ", "), verdict)
}

// ReportSchema is the version of the --json report's shape (contract: DESIGN.md).
const ReportSchema = 1

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ReportMeta says what a report is about: the tool, the provider and flow checked, and
// the config file read or written.
type ReportMeta struct {
	Tool     Tool
	Provider string // "line", "naver", or "line,naver" for a file with both
	Flow     string // the flow id ("line.new", "line.switch", "naver"), comma-joined for both
	Config   string // path of the config file
}

// JSONResult is one result in the --json report (contract: exactly these fields).
type JSONResult struct {
	ID      string `json:"id"`
	Status  Status `json:"status"`
	Message string `json:"message"`
	Step    string `json:"step"`
	Detail  string `json:"detail"`
}

// JSONSummary counts the results by status (contract: exactly these fields).
type JSONSummary struct {
	Pass    int `json:"pass"`
	Warn    int `json:"warn"`
	Fail    int `json:"fail"`
	Skipped int `json:"skipped"`
	Error   int `json:"error"`
}

// JSONReport is the whole --json report for one config (contract: DESIGN.md, "--json").
type JSONReport struct {
	Schema   int          `json:"schema"`
	Tool     Tool         `json:"tool"`
	Provider string       `json:"provider"`
	Flow     string       `json:"flow"`
	Config   string       `json:"config"`
	Results  []JSONResult `json:"results"`
	Summary  JSONSummary  `json:"summary"`
	ExitCode int          `json:"exit_code"`
}

// NewJSONReport builds the --json report, messages in lang, every string cleaned; the
// exit code is the results' (3 a check failed, 4 could not tell, else 0).
func NewJSONReport(meta ReportMeta, results []Result, lang steps.Lang) JSONReport {
	s := Summarize(results)
	rep := JSONReport{
		Schema: ReportSchema, Tool: meta.Tool, Provider: meta.Provider, Flow: meta.Flow, Config: meta.Config,
		Results:  make([]JSONResult, 0, len(results)),
		Summary:  JSONSummary{Pass: s.Pass, Warn: s.Warn, Fail: s.Fail, Skipped: s.Skipped, Error: s.Error},
		ExitCode: ExitCode(results),
	}
	for _, r := range results {
		l := cleanResult(r, lang)
		rep.Results = append(rep.Results, JSONResult{ID: l.ID, Status: r.Status, Message: l.Message, Step: l.Step, Detail: l.Detail})
	}
	return rep
}

// WriteJSON writes the --json report for one config, indented, with a final new line.
func WriteJSON(w io.Writer, meta ReportMeta, results []Result, lang steps.Lang) error {
	return WriteReport(w, NewJSONReport(meta, results, lang), true)
}

// WriteReport writes rep as one JSON object and a new line: indented for one config, on
// one line (JSON lines) for a batch.
func WriteReport(w io.Writer, rep JSONReport, indent bool) error {
	enc := json.NewEncoder(w)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(rep)
}

// ConfigResults turns results into the config file's verification entries, messages in lang.
func ConfigResults(results []Result, lang steps.Lang) []config.Result {
	out := make([]config.Result, 0, len(results))
	for _, r := range results {
		l := cleanResult(r, lang)
		if r.Status == Pass || r.Status == Skipped {
			l.Step = "" // nothing to go back for
		}
		out = append(out, config.Result{ID: l.ID, Status: string(r.Status), Message: l.Message, Step: l.Step, Detail: l.Detail})
	}
	return out
}

// Verification is the config file's verification section for results found at at.
func Verification(results []Result, lang steps.Lang, at time.Time) *config.Verification {
	return &config.Verification{At: at.UTC().Truncate(time.Second), Results: ConfigResults(results, lang)}
}

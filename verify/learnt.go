package verify

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/setup-wizard/setup-wizard/steps"
)

// maxLearnt is the longest value a check may learn from an API: IDs, not documents.
const maxLearnt = 64

// learntProblem says why a value an API gave for key cannot be kept ("" when it can).
// Learnt values go into the config file and into later requests, so an API (or a proxy)
// that answers with 20,000 characters, quotes or a new line is a fault, never saved.
func learntProblem(key, v string) string {
	n := utf8.RuneCountInString(v)
	switch {
	case v == "":
		return "empty"
	case strings.HasSuffix(key, ".channel_id") || strings.HasSuffix(key, "_channel_id"):
		if n > 20 {
			return fmt.Sprintf("%d characters, where a channel ID has about 10 digits", n)
		}
		for _, r := range v {
			if r < '0' || r > '9' {
				return "not only digits, where a channel ID is a number"
			}
		}
		return ""
	case n > maxLearnt:
		return fmt.Sprintf("%d characters, more than %d", n, maxLearnt)
	case !utf8.ValidString(v):
		return "not valid UTF-8"
	}
	for _, r := range v {
		if r <= ' ' || r == 0x7f || r == '"' || r == '\'' || r == '\\' || r == '`' || r == '<' || r == '>' || steps.Clean(string(r)) == "" {
			return fmt.Sprintf("it holds %q, which no ID has", r)
		}
	}
	return ""
}

// checkLearnt turns a result whose learnt values cannot be kept into one that could not
// tell, keeping none of them.
func checkLearnt(r Result) Result {
	for k, v := range r.Learnt {
		why := learntProblem(k, v)
		if why == "" {
			continue
		}
		shown := []rune(steps.Clean(v))
		if len(shown) > 24 {
			shown = append(shown[:24], '…')
		}
		r.Status = Error
		r.Step = ""
		r.Message = steps.T(
			"The API answered with a value the wizard cannot trust, so this could not be checked and nothing it answered was kept. If a proxy sits between this computer and the API, check it; otherwise send the detail to support.",
			"APIが信頼できない値を返したため確認できず、その応答は何も保存していません。このパソコンとAPIの間にプロキシがあれば確認し、なければ詳細をサポートに送ってください。")
		refused := fmt.Sprintf("%s %q refused: %s", k, string(shown), why)
		if r.Detail != "" {
			refused = r.Detail + "; " + refused
		}
		r.Detail = refused
		r.Learnt = nil
		return r
	}
	return r
}

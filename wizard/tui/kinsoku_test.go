package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
)

func TestWrapJA(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		w    int
		want []string
	}{
		{"fits", "あいうえお。", 20, []string{"あいうえお。"}},
		{"full stop takes the character before, and one more", "あいうえお。", 10, []string{"あいう", "えお。"}},
		{"no line of one character and its full stop", "設定ファイルを書き込みました。", 26, []string{"設定ファイルを書き込みま", "した。"}},
		{"no widow after a closing bracket", "あいうえお。」", 10, []string{"あいう", "えお。」"}},
		{"a widow after a Latin word stays", "あいうAPIを。", 12, []string{"あいうAPI", "を。"}},
		{"comma", "あいうえお、かき", 10, []string{"あいうえ", "お、かき"}},
		{"closing bracket after a full stop", "あいう。」", 6, []string{"あい", "う。」"}},
		{"closing parenthesis and the opening one before", "あいうえ（お）", 12, []string{"あいうえ", "（お）"}},
		{"small tsu", "あいうえっか", 8, []string{"あいう", "えっか"}},
		{"small katakana", "アイウエャ", 8, []string{"アイ", "ウエャ"}},
		{"long vowel mark", "アイウエー", 8, []string{"アイ", "ウエー"}},
		{"exclamation and question", "あいうえ？", 8, []string{"あい", "うえ？"}},
		{"colon", "あいうえ：", 8, []string{"あい", "うえ："}},
		{"ellipsis", "確認中です…", 10, []string{"確認中", "です…"}},
		{"opening bracket never ends a line", "あいう「えお」", 8, []string{"あいう", "「えお」"}},
		{"latin words stay whole", "LINE Developersコンソール", 12, []string{"LINE", "Developersコ", "ンソール"}},
		{"latin word then comma", "あいうAPI、えお", 9, []string{"あいう", "API、えお"}},
		{"hangul breaks at spaces", "로그인 오픈 API 서비스 환경", 12, []string{"로그인 오픈", "API 서비스", "환경"}},
		{"long URL is cut", "URL：https://example.com/very/long", 12, []string{"URL：", "https://exam", "ple.com/very", "/long"}},
		{"line breaks kept", "あいう\n\nえお", 10, []string{"あいう", "", "えお"}},
		{"indent kept", "  1. あいうえおかき", 10, []string{"  1. あい", "うえおかき"}},
		{"no space at a line's start", "abc def ghi", 7, []string{"abc def", "ghi"}},
		{"empty", "", 10, []string{""}},
		{"a word too long to come along gives its last character", "（https://lin.ee/…）。", 16, []string{"（", "https://lin.ee", "/…）。"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Split(wrapJA(tc.in, tc.w), "\n")
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrapJA(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
			}
		})
	}
}

// TestWrapJAFlowTexts wraps every Japanese text of the flows at many widths: no line
// is wider than the room, none starts with closing punctuation or a small kana, none
// ends with an opening bracket (at widths where the word after it fits), and nothing but
// spaces at the breaks is lost.
func TestWrapJAFlowTexts(t *testing.T) {
	var texts []string
	for _, f := range []*steps.Flow{line.FlowNew(), line.FlowSwitch(), naver.Flow()} {
		for _, s := range f.Steps {
			texts = append(texts, s.Title.JA, s.Body.JA, s.Warn.JA, s.Confirm.JA)
			for _, fl := range s.Fields {
				texts = append(texts, fl.Label.JA, fl.Help.JA)
			}
		}
	}
	texts = append(texts, naver.ReviewItems(steps.Answers{"naver.application_name": "サンプル商店", "naver.platform": "cafe24",
		"naver.items.name": "true", "naver.items.email": "true"}, steps.JA))
	for _, tx := range texts {
		for w := 10; w <= 80; w += 3 {
			out := wrapJA(tx, w)
			lines := strings.Split(out, "\n")
			for i, ln := range lines {
				if lw := ansi.StringWidth(ln); lw > w {
					t.Errorf("w=%d: line %q is %d wide", w, ln, lw)
				}
				r := []rune(ln)
				if len(r) == 0 {
					continue
				}
				if i > 0 && lines[i-1] != "" && strings.ContainsRune(noStart, r[0]) && breakable(r[0]) {
					t.Errorf("w=%d: line starts with %q: %q", w, r[0], ln)
				}
				if w >= 30 && i < len(lines)-1 && lines[i+1] != "" && strings.ContainsRune(noEnd, r[len(r)-1]) {
					t.Errorf("w=%d: line ends with %q: %q", w, r[len(r)-1], ln)
				}
				// No paragraph ends on one character and its full stop (after Japanese,
				// which can always give one more character).
				if p := []rune(lines[max(i-1, 0)]); i > 0 && widow(ln) && len(p) > 2 && breakable(p[len(p)-1]) && breakable(p[len(p)-2]) && w >= 16 {
					t.Errorf("w=%d: a line of one character and its punctuation: %q after %q", w, ln, lines[i-1])
				}
			}
			squash := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
			if squash(out) != squash(tx) {
				t.Errorf("w=%d: text changed:\n%q\n%q", w, out, tx)
			}
		}
	}
}

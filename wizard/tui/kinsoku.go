package tui

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Japanese line breaking (kinsoku shori). lipgloss wraps by width only, so a line of
// Japanese could begin with "。" or "）". wrapJA breaks between any two Japanese
// characters, keeps words in Latin letters or Hangul whole (they break at spaces), and
// never starts a line with closing punctuation or a small kana: the character before it
// moves down to the next line with it. Opening brackets never end a line either.

// noStart are the characters a line must not begin with.
const noStart = "。、，．・：；？！」』）〕］｝〉》】〙〗〟’”｠»…‥ー〜～ヽヾゝゞ々〻" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" +
	"ｧｨｩｪｫｯｬｭｮｰ" +
	".,:;!?)]}"

// noEnd are the characters a line must not end with.
const noEnd = "「『（〔［｛〈《【〘〖〝‘“｟«([{"

// breakable reports whether a line may break before and after r: Japanese (and Chinese)
// characters, whose text has no spaces between words.
func breakable(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30FF, // CJK punctuation, hiragana, katakana
		r >= 0x31F0 && r <= 0x31FF, // small katakana
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK ideographs
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFF00 && r <= 0xFFEF, // full- and halfwidth forms
		r == '…' || r == '‥':
		return true
	}
	return unicode.Is(unicode.Han, r)
}

type jaToken struct {
	s     string
	w     int
	space bool
}

func (t jaToken) first() rune {
	for _, r := range t.s {
		return r
	}
	return 0
}

func (t jaToken) last() rune {
	rs := []rune(t.s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// jaTokens splits one paragraph into spaces, single Japanese characters and words.
func jaTokens(p string) []jaToken {
	var out []jaToken
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, jaToken{s: word.String(), w: ansi.StringWidth(word.String())})
			word.Reset()
		}
	}
	for _, r := range p {
		switch {
		case r == ' ' || r == '\t':
			flush()
			out = append(out, jaToken{s: " ", w: 1, space: true})
		case breakable(r):
			flush()
			out = append(out, jaToken{s: string(r), w: ansi.StringWidth(string(r))})
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return out
}

// wrapJA fits s into lines of at most w columns with Japanese line-breaking rules.
// Existing line breaks are kept; lines are not padded.
func wrapJA(s string, w int) string {
	w = max(w, 2)
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		paras[i] = strings.Join(wrapJAPara(p, w), "\n")
	}
	return strings.Join(paras, "\n")
}

func wrapJAPara(p string, w int) []string {
	var lines []string
	var cur []jaToken
	curW := 0
	started := false // the paragraph's leading spaces are its indent
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].space {
			curW -= cur[len(cur)-1].w
			cur = cur[:len(cur)-1]
		}
		var b strings.Builder
		for _, t := range cur {
			b.WriteString(t.s)
		}
		lines = append(lines, b.String())
		cur, curW = nil, 0
	}
	for _, t := range jaTokens(p) {
		switch {
		case t.space:
			if len(cur) == 0 && started {
				continue // a wrapped line does not begin with a space
			}
			if curW+t.w > w {
				flush()
				continue
			}
		case t.w > w:
			// A word wider than the line (a long URL): it starts a line and is cut.
			if len(cur) > 0 {
				flush()
			}
			pieces := hardCut(t.s, w)
			lines = append(lines, pieces[:len(pieces)-1]...)
			last := pieces[len(pieces)-1]
			cur, curW = []jaToken{{s: last, w: ansi.StringWidth(last)}}, ansi.StringWidth(last)
			started = true
			continue
		case curW+t.w > w && len(cur) > 0:
			carry := []jaToken{t}
			carryW := t.w
			// Spaces before the break are dropped.
			for len(cur) > 0 && cur[len(cur)-1].space {
				curW -= cur[len(cur)-1].w
				cur = cur[:len(cur)-1]
			}
			move := func() {
				prev := cur[len(cur)-1]
				cur = cur[:len(cur)-1]
				curW -= prev.w
				carry = append([]jaToken{prev}, carry...)
				carryW += prev.w
			}
			// No line begins with closing punctuation: the character before comes along,
			// or, when that is a word too long to come along, the word's last character.
			for len(cur) > 0 && strings.ContainsRune(noStart, carry[0].first()) {
				prev := cur[len(cur)-1]
				if prev.space {
					break
				}
				if len(cur) > 1 && carryW+prev.w <= w {
					move()
					continue
				}
				rs := []rune(prev.s)
				tail := string(rs[len(rs)-1])
				tw := ansi.StringWidth(tail)
				if len(rs) < 2 || carryW+tw > w {
					break
				}
				cur[len(cur)-1] = jaToken{s: string(rs[:len(rs)-1]), w: prev.w - tw}
				curW -= tw
				carry = append([]jaToken{{s: tail, w: tw}}, carry...)
				carryW += tw
			}
			// No line ends with an opening bracket (unless a word too long for the
			// line follows it).
			for len(cur) > 1 && strings.ContainsRune(noEnd, cur[len(cur)-1].last()) &&
				carryW+cur[len(cur)-1].w <= w {
				move()
			}
			flush()
			cur, curW = carry, carryW
			started = true
			continue
		}
		cur = append(cur, t)
		curW += t.w
		started = true
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return noWidow(lines, w)
}

// noWidow keeps a line from being one character and its closing punctuation ("す。"):
// a character or two of the line before come down to it, as long as they fit, that line
// then still ends well and the line does not start with punctuation.
func noWidow(lines []string, w int) []string {
	for i := 1; i < len(lines); i++ {
		if widow(lines[i]) {
			lines[i-1], lines[i] = unWidow(lines[i-1], lines[i], w)
		}
	}
	return lines
}

// unWidow moves the end of prev to the start of line, or gives both back unchanged.
func unWidow(prevLine, line string, w int) (string, string) {
	prev, last := []rune(prevLine), []rune(line)
	for moved := 0; moved < 3; moved++ {
		if len(prev) < 2 {
			return prevLine, line
		}
		r := prev[len(prev)-1]
		if !breakable(r) || r == '　' {
			return prevLine, line // a Latin word or a space: no break inside it
		}
		prev, last = prev[:len(prev)-1], append([]rune{r}, last...)
		if ansi.StringWidth(string(last)) > w {
			return prevLine, line
		}
		if !strings.ContainsRune(noStart, r) && !strings.ContainsRune(noEnd, prev[len(prev)-1]) {
			return string(prev), string(last)
		}
	}
	return prevLine, line
}

// widow reports a line that is a single character followed only by closing punctuation.
func widow(line string) bool {
	rs := []rune(strings.TrimSpace(line))
	if len(rs) < 2 || strings.ContainsRune(noStart, rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !strings.ContainsRune(noStart, r) {
			return false
		}
	}
	return true
}

// hardCut cuts s into pieces of at most w columns.
func hardCut(s string, w int) []string {
	var out []string
	var b strings.Builder
	bw := 0
	for _, r := range s {
		rw := ansi.StringWidth(string(r))
		if bw+rw > w && bw > 0 {
			out = append(out, b.String())
			b.Reset()
			bw = 0
		}
		b.WriteRune(r)
		bw += rw
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

package tui

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
)

// NAVER's review request is written in Korean, the language of NAVER's form. On the
// review step the screen shows that text in full, wrapped, with what it says in the
// operator's language under it; c copies the Korean text.

var (
	txtReviewKorean = steps.T("The text to paste, in Korean (c copies it; ctrl+y in a field)", "貼り付ける文（韓国語。c でコピー、入力欄の中では ctrl+y）")
	txtReviewOwn    = steps.T("What it says, in English", "日本語での内容")
	txtReviewEdited = steps.T("You changed the Korean text; this is what the wizard's text said.", "韓国語の文を書き換えたため、この内容はウィザードが書いた文のものです。")
	txtReviewCopied = steps.T("the review text (Korean)", "審査申請の文（韓国語）")
)

// reviewKorean is the Korean text to paste: the field's value as on screen (the
// operator may have changed it), else the one the answers give.
func (m *model) reviewKorean() string {
	for _, b := range m.binds {
		if b.key == naver.KeyReviewText && b.str != nil {
			if v := b.value(); v != "" {
				return v
			}
		}
	}
	if v := m.eng().Value(naver.KeyReviewText); v != "" {
		return v
	}
	return naver.ReviewText(m.eng().Answers(), naver.Korean)
}

// reviewBlock is the Korean text and its translation for the review step's pane.
func (m *model) reviewBlock(w int) []string {
	l := m.lang
	a := m.formAnswers()
	ko := steps.Clean(m.reviewKorean())
	out := []string{"", m.st.Label.Render(m.wrap(txtReviewKorean.In(l), w))}
	out = append(out, m.hang("  ", ko, w))
	out = append(out, "", m.st.Label.Render(m.wrap(txtReviewOwn.In(l), w)))
	if ko != steps.Clean(naver.ReviewText(a, naver.Korean)) {
		out = append(out, m.st.Muted.Render(m.hang("  ", txtReviewEdited.In(l), w)))
	}
	own := steps.Clean(naver.ReviewText(a, l))
	out = append(out, m.hang("  ", own, w))
	return out
}

// reviewCopy is what c copies on the review step.
func (m *model) reviewCopy() (label, value string) {
	return txtReviewCopied.In(m.lang), strings.TrimSpace(m.reviewKorean())
}

package plain

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// The operator's confirmation of what an API cannot tell (verify.Confirmation): the
// check's warning carries a URL to open and a question; the answer becomes the check's
// result, marked "confirmed by operator".

var (
	txtConfirmOpen = steps.T("Address to open", "開くアドレス")
	txtConfirmSkip = steps.T("Not now (the result stays as it is)", "今はしない（結果はそのまま）")
)

func txtConfirmPrompt(l steps.Lang, n int) string {
	if l == steps.JA {
		return fmt.Sprintf("1〜%dの番号（oでアドレスを開く、Enterで今はしない）", n)
	}
	return fmt.Sprintf("Number 1–%d (o opens the address, Enter: not now)", n)
}

// confirmAll asks every warning of res that a person can settle, records each answer in
// the ledger (for step origin) and returns res with the answered ones replaced.
func (w *walk) confirmAll(ctx context.Context, res []verify.Result, origin string) ([]verify.Result, error) {
	for i, r := range res {
		if r.Confirm == nil || len(r.Confirm.Answers) == 0 {
			continue
		}
		// A question left for now is not asked again by the run of every check (the end,
		// or "check again" on the stop question); passing its step again asks it again.
		key := r.ID + "\x00" + r.Confirm.URL + "\x00" + string(r.Status)
		if origin == "" && w.leftForNow[key] {
			continue
		}
		nr, ok, err := w.askConfirm(ctx, r)
		if err != nil {
			return res, err
		}
		if !ok {
			if w.leftForNow == nil {
				w.leftForNow = map[string]bool{}
			}
			w.leftForNow[key] = true
			continue
		}
		res[i] = nr
		w.ledger().Record(nr, origin)
		w.out.line(w.resultLine(nr))
	}
	return res, nil
}

// askConfirm asks r's question; ok is false when the operator leaves it for now (Enter,
// or piped answers that end here): r stays as it is.
func (w *walk) askConfirm(ctx context.Context, r verify.Result) (verify.Result, bool, error) {
	c := r.Confirm
	w.out.line("")
	w.out.line(steps.Clean(r.ID + colon(w.l) + c.Question.In(w.l)))
	w.out.line(steps.Clean("  " + txtConfirmOpen.In(w.l) + colon(w.l) + c.URL))
	for i, a := range c.Answers {
		w.out.line(steps.Clean(fmt.Sprintf("  %d) %s", i+1, a.Label.In(w.l))))
	}
	w.out.line("  Enter) " + txtConfirmSkip.In(w.l))
	links := []steps.Link{{URL: c.URL}}
	for tries := 1; ; tries++ {
		raw, err := w.ask(ctx, txtQuestionAbout(w.l, r.ID), txtConfirmPrompt(w.l, len(c.Answers)), false, links)
		var none *NoAnswerError
		if errors.As(err, &none) {
			return r, false, nil // piped answers end: the warning stays
		}
		if errors.Is(err, errBack) || (err == nil && raw == "") {
			return r, false, nil
		}
		if err != nil {
			return r, false, err
		}
		if n, e := strconv.Atoi(strings.TrimSpace(raw)); e == nil && n >= 1 && n <= len(c.Answers) {
			return r.Confirmed(n - 1), true, nil
		}
		w.out.line(txtChooseNumber(w.l, len(c.Answers)))
		if !w.inTerminal && tries >= maxTries {
			return r, false, nil
		}
	}
}

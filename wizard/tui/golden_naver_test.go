package tui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Golden screens of the NAVER flow: the environments step with the URLs derived from
// the shop's domain, a broken planner rule, and the review request in both languages.

// naverAnswers are a Cafe24 shop in development that asks for name and e-mail.
func naverAnswers() steps.Answers {
	return steps.Answers{
		"naver.application_name": sample.ShopName,
		"naver.platform":         "cafe24",
		"naver.review_status":    naver.StatusDevelopment,
		"naver.items.name":       "true",
		"naver.items.email":      "true",
	}
}

// naverSession puts the NAVER flow at step id, every earlier step done.
func naverSession(t *testing.T, lang steps.Lang, id string, a steps.Answers) (*wizard.Session, *fakeChecker) {
	t.Helper()
	fc := &fakeChecker{results: map[string]verify.Result{}}
	fs := &fakeSave{path: "/home/shop/setup-wizard.yaml"}
	return &wizard.Session{
		Engine:     wizard.Resume(naver.Flow(), wizard.Draft{Flow: "naver", Step: id, Answers: a}),
		Lang:       lang,
		Checker:    fc,
		Save:       fs.save,
		Draft:      &wizard.DraftFile{Path: t.TempDir() + "/draft.json"},
		ConfigPath: "/home/shop/setup-wizard.yaml",
	}, fc
}

// TestGoldenNaverEnvironments: the operator types sample.com and moves on; the PC and
// mobile service and callback URLs below are worked out as they go.
func TestGoldenNaverEnvironments(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := naverSession(t, l, naver.StepEnvironments, naverAnswers())
		u := start(t, s, 100, 32)
		u.waitFocus(naver.KeyDomain)
		u.typ(sample.ShopDomain)
		for _, k := range []string{naver.KeyDomain, naver.KeyMobileDomain, naver.KeySecondaryDomains, naver.KeyEnvPC, naver.KeyEnvMobile} {
			u.waitFocus(k)
			u.send(tab)
		}
		sn := u.waitFocus(naver.KeyPCService)
		sn = u.wait("the derived URLs", func(s snap) bool {
			return s.focus == naver.KeyPCService && strings.Contains(s.screen, "https://www.sample.com") && strings.Contains(s.screen, "https://m.sample.com")
		})
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		m := u.finish()
		a := m.eng().Answers()
		for k, want := range map[string]string{
			naver.KeyPCService:       "https://sample.com",
			naver.KeyPCCallbacks:     "https://sample.com\nhttps://www.sample.com",
			naver.KeyMobileService:   "https://m.sample.com",
			naver.KeyMobileCallbacks: "https://m.sample.com",
		} {
			if got := a.Get(k); got != want {
				t.Errorf("%s = %q, want %q", k, got, want)
			}
		}
	})
}

// TestGoldenNaverCallbackOutsideDomain: a callback URL on another domain (a secondary
// domain, as the Cafe24 guide asks) does not keep the field; on enter the step shows a
// warning naming the URL and what the service URL governs, and waits for a second enter.
func TestGoldenNaverCallbackOutsideDomain(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		a := naverAnswers()
		a[naver.KeyDomain] = sample.ShopDomain
		a[naver.KeyEnvMobile] = "true"
		a[naver.KeyPCCallbacks] = "https://sample.com\nhttps://www.sample.com\nhttps://shop.other-mall.com/naver/callback"
		s, _ := naverSession(t, l, naver.StepEnvironments, a)
		u := start(t, s, 100, 32)
		for _, k := range []string{naver.KeyDomain, naver.KeyMobileDomain, naver.KeySecondaryDomains, naver.KeyEnvPC, naver.KeyEnvMobile, naver.KeyPCService, naver.KeyPCCallbacks, naver.KeyMobileService, naver.KeyMobileCallbacks} {
			u.waitFocus(k)
			u.send(tab)
		}
		u.waitFocus(s.Engine.Current().ConfirmKey())
		u.send(left, enter) // yes, saved
		sn := u.wait("the warning naming the URL", func(s snap) bool {
			flat := strings.ReplaceAll(s.screen, "\n", "")
			return s.step == naver.StepEnvironments && strings.Contains(flat, "shop.other-") &&
				(strings.Contains(flat, "NAVER accepts") || strings.Contains(flat, "構いません"))
		})
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

// TestGoldenNaverReview: the review form field by field, each Korean text to paste in
// full with what it says in the operator's language.
func TestGoldenNaverReview(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := naverSession(t, l, naver.StepReview, naverAnswers())
		u := start(t, s, 100, 32)
		sn := u.waitFocus(naver.KeyReviewPurpose)
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

// TestGoldenNaverReviewScrolled: the same step scrolled down (pgdn) to the items text and
// its translation; ctrl+y in the items field copies the Korean items text.
func TestGoldenNaverReviewScrolled(t *testing.T) {
	langs(t, func(t *testing.T, l steps.Lang) {
		s, _ := naverSession(t, l, naver.StepReview, naverAnswers())
		u := start(t, s, 100, 32)
		u.waitFocus(naver.KeyReviewPurpose)
		u.send(tab)
		u.waitFocus(naver.KeyReviewItems)
		u.send(tea.KeyPressMsg{Code: 'y', Mod: tea.ModCtrl})
		u.waitText(map[steps.Lang]string{steps.EN: "Sent to the terminal's clipboard: Items collected", steps.JA: "端末のクリップボードに送りました：取得する項目"}[l])
		// The clipboard sequence is written by the program after the note shows: wait
		// for it in the output rather than racing ctrl+c against it.
		ko := base64.StdEncoding.EncodeToString([]byte(naver.ReviewItems(naverAnswers(), naver.Korean)))
		teatest.WaitFor(t, u.tm.Output(), func(b []byte) bool {
			return bytes.Contains(b, []byte(ko))
		}, teatest.WithDuration(hangLimit), teatest.WithCheckInterval(5*time.Millisecond))
		u.send(tab) // to the confirmation
		u.waitFocus(s.Engine.Current().ConfirmKey())
		for range 8 { // to the end
			u.send(pgdown)
		}
		want := naver.ReviewItems(naverAnswers(), l)
		tail := string([]rune(want)[len([]rune(want))-8:])
		sn := u.waitText(tail)
		golden.RequireEqual(t, sn.screen)
		u.send(ctrlC)
		u.finish()
	})
}

// TestDerivedURLsFollowTheDomain: typing the domain fills the URLs the operator has not
// changed, and leaves the ones they gave alone.
func TestDerivedURLsFollowTheDomain(t *testing.T) {
	a := naverAnswers()
	a[naver.KeyPCCallbacks] = "https://sample.com/naver/callback"
	a[naver.KeyEnvMobile] = "true"
	s, _ := naverSession(t, steps.EN, naver.StepEnvironments, a)
	u := start(t, s, 100, 32)
	u.waitFocus(naver.KeyDomain)
	u.typ(sample.ShopDomain)
	u.send(tab)
	u.waitFocus(naver.KeyMobileDomain)
	u.send(ctrlC)
	m := u.finish()
	shown := map[string]string{}
	for _, b := range m.binds {
		shown[b.key] = b.value()
	}
	for k, want := range map[string]string{
		naver.KeyPCService:       "https://sample.com",
		naver.KeyPCCallbacks:     "https://sample.com/naver/callback", // the operator's own
		naver.KeyMobileService:   "https://m.sample.com",
		naver.KeyMobileCallbacks: "https://m.sample.com",
	} {
		if shown[k] != want {
			t.Errorf("on screen %s = %q, want %q", k, shown[k], want)
		}
	}
}

// TestCallbackBoxFollowsItsLines: the callback URL box says how to add a line, grows with
// the lines typed and, once they are deleted again, shows its content from the top
// rather than blank room scrolled past it.
func TestCallbackBoxFollowsItsLines(t *testing.T) {
	a := naverAnswers()
	a[naver.KeyPCService], a[naver.KeyPCCallbacks] = "https://sample.com", "https://sample.com\nhttps://www.sample.com"
	s, _ := naverSession(t, steps.EN, naver.StepEnvironments, a)
	u := start(t, s, 100, 40)
	sn := u.wait("the first field", func(s snap) bool { return s.focus != "" })
	for i := 0; sn.focus != naver.KeyPCCallbacks && i < 10; i++ {
		prev := sn.focus
		u.send(tab)
		sn = u.wait("the next field", func(s snap) bool { return s.focus != prev })
	}
	sn = u.waitFocus(naver.KeyPCCallbacks)
	if !strings.Contains(sn.screen, "alt+enter or ctrl+j adds a line.") {
		t.Errorf("the box does not say how to add a line:\n%s", sn.screen)
	}
	ctrlJ := tea.KeyPressMsg{Code: 'j', Mod: tea.ModCtrl}
	for i := range 3 {
		u.send(ctrlJ)
		u.typ(fmt.Sprintf("https://shop%d.sample.com", i))
	}
	sn = u.waitText("https://shop2.sample.com")
	for _, want := range []string{"https://sample.com", "https://www.sample.com", "https://shop0.sample.com"} {
		if !strings.Contains(sn.screen, want) {
			t.Errorf("%s scrolled out of the box:\n%s", want, sn.screen)
		}
	}
	for range 3 * (len("https://shop0.sample.com") + 1) {
		u.send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	sn = u.wait("the typed lines deleted", func(s snap) bool { return !strings.Contains(s.screen, "shop0") })
	for _, want := range []string{"https://sample.com", "https://www.sample.com"} {
		if !strings.Contains(sn.screen, want) {
			t.Errorf("%s is not in sight after deleting lines:\n%s", want, sn.screen)
		}
	}
	u.send(ctrlC)
	u.finish()
}

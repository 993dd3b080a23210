package naver

import (
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

func TestFlowStepIDs(t *testing.T) {
	fl := Flow()
	if fl.ID != "naver" || fl.Provider != "naver" {
		t.Fatalf("flow %q provider %q", fl.ID, fl.Provider)
	}
	var ids []string
	for _, s := range fl.Steps {
		if len(ids) == 0 || ids[len(ids)-1] != s.ID {
			ids = append(ids, s.ID)
		}
	}
	want := []string{"naver.intro", "naver.account", "naver.register", "naver.api", "naver.environments",
		"naver.credentials", "naver.testers", "naver.capture", "naver.logo", "naver.review", "naver.shop_admin"}
	if !slices.Equal(ids, want) {
		t.Errorf("step ids %q, want %q", ids, want)
	}
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && r <= 0x30ff || r >= 0x4e00 && r <= 0x9fff || r >= 0xff00 && r <= 0xffef {
			return true
		}
	}
	return false
}

// Every word a user sees exists in English and Japanese.
func TestFlowTextsInBothLanguages(t *testing.T) {
	fl := Flow()
	check := func(where string, tx steps.Text, required bool) {
		t.Helper()
		if tx.IsZero() {
			if required {
				t.Errorf("%s: missing", where)
			}
			return
		}
		if strings.TrimSpace(tx.EN) == "" || strings.TrimSpace(tx.JA) == "" {
			t.Errorf("%s: EN %q JA %q", where, tx.EN, tx.JA)
		}
		if tx.EN == tx.JA && hasJapanese(tx.EN) {
			t.Errorf("%s: English is Japanese: %q", where, tx.EN)
		}
	}
	check("flow title", fl.Title, true)
	for _, s := range fl.Steps {
		check(s.ID+" title", s.Title, true)
		check(s.ID+" body", s.Body, true)
		if !hasJapanese(s.Body.JA) || hasJapanese(s.Body.EN) {
			t.Errorf("%s: body languages mixed up", s.ID)
		}
		check(s.ID+" confirm", s.Confirm, false)
		check(s.ID+" warn", s.Warn, false)
		for _, l := range s.Links {
			check(s.ID+" link", l.Label, true)
			if !strings.HasPrefix(l.URL, "https://") {
				t.Errorf("%s: link %q", s.ID, l.URL)
			}
		}
		for _, f := range s.Fields {
			check(f.Key+" label", f.Label, true)
			check(f.Key+" help", f.Help, false)
			for _, o := range f.Options {
				check(f.Key+" option "+o.Value, o.Label, true)
			}
		}
	}
}

func TestFlowKeys(t *testing.T) {
	for _, s := range Flow().Steps {
		for _, f := range s.Fields {
			if !config.IsKey(f.Key) && !strings.HasPrefix(f.Key, "flow.naver.") {
				t.Errorf("%s: field key %q is neither a config key nor flow.naver.*", s.ID, f.Key)
			}
			if f.Key == "naver.client_secret" && (f.Kind != steps.KindSecret || f.Env != "NAVER_CLIENT_SECRET") {
				t.Errorf("client secret field: kind %v env %q", f.Kind, f.Env)
			}
			if f.Secret() != config.IsSecret(f.Key) {
				t.Errorf("%s: secret %v, config says %v", f.Key, f.Secret(), config.IsSecret(f.Key))
			}
		}
	}
}

func sampleAnswers() steps.Answers {
	a := steps.Answers{}
	for _, s := range Flow().Steps {
		for _, f := range s.Fields {
			if f.Sample != "" {
				a[f.Key] = f.Sample
			}
		}
	}
	return a
}

// The sandbox's samples, and what the flow derives from them, pass every rule, warnings
// included; the derived URLs are the planner's for sample.com.
func TestSamplesPass(t *testing.T) {
	e := wizard.New(Flow(), sampleAnswers())
	if ps := e.Validate(); len(ps) > 0 {
		for _, p := range ps {
			t.Errorf("%s: %s", p.Field, p.Message(steps.EN))
		}
	}
	a := e.Answers()
	for k, want := range map[string]string{
		KeyPCService:       "https://sample.com",
		KeyPCCallbacks:     "https://sample.com\nhttps://www.sample.com",
		KeyMobileService:   "https://m.sample.com",
		KeyMobileCallbacks: "https://m.sample.com",
		KeyEnvPC:           "true",
		KeyEnvMobile:       "true",
	} {
		if a[k] != want {
			t.Errorf("%s = %q, want %q", k, a[k], want)
		}
	}
	if !strings.Contains(a[KeyReviewText], "Cafe24") || !strings.Contains(a[KeyReviewText], "회원이름") {
		t.Errorf("review text not derived: %q", a[KeyReviewText])
	}
}

// A walk through every screen with the samples reaches the end.
func TestWalkWithSamples(t *testing.T) {
	e := wizard.New(Flow(), sampleAnswers())
	for n := 0; !e.Finished(); n++ {
		if n > 20 {
			t.Fatal("the walk does not end")
		}
		cur := e.Current()
		if ps := wizard.Errors(e.Next()); len(ps) > 0 {
			t.Fatalf("%s: %s", cur.ID, ps[0].Message(steps.EN))
		}
	}
	if got := e.Raw()[KeyPCCallbacks]; got != "https://sample.com\nhttps://www.sample.com" {
		t.Errorf("derived callbacks not kept when the step was passed: %q", got)
	}
}

func visibleIDs(a steps.Answers) []string {
	var ids []string
	for _, s := range wizard.New(Flow(), a).Visible() {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestWhereTheShopStands(t *testing.T) {
	base := sampleAnswers()
	tests := []struct {
		status string
		hidden []string
	}{
		{StatusDevelopment, nil},
		{StatusRequested, []string{StepAccount, StepRegister, StepCapture, StepLogo, StepReview}},
		{StatusApproved, []string{StepAccount, StepRegister, StepTesters, StepCapture, StepLogo, StepReview}},
	}
	for _, tt := range tests {
		a := base.Clone()
		a["naver.review_status"] = tt.status
		ids := visibleIDs(a)
		for _, h := range tt.hidden {
			if slices.Contains(ids, h) {
				t.Errorf("%s: step %s shown", tt.status, h)
			}
		}
		for _, must := range []string{StepIntro, StepAPI, StepEnvironments, StepCredentials, StepShopAdmin} {
			if !slices.Contains(ids, must) {
				t.Errorf("%s: step %s hidden", tt.status, must)
			}
		}
	}
}

func TestShopAdminWording(t *testing.T) {
	for _, platform := range []string{"cafe24", "other"} {
		a := sampleAnswers()
		a["naver.platform"] = platform
		var shown []*steps.Step
		for _, s := range wizard.New(Flow(), a).Visible() {
			if s.ID == StepShopAdmin {
				shown = append(shown, s)
			}
		}
		if len(shown) != 1 {
			t.Fatalf("%s: %d shop admin steps shown", platform, len(shown))
		}
		s := shown[0]
		cafe := strings.Contains(s.Body.EN, "SNS account linking") && strings.Contains(s.Body.EN, "Promotion")
		if cafe != (platform == "cafe24") {
			t.Errorf("%s: Cafe24 wording %v: %q", platform, cafe, s.Body.EN)
		}
		if !s.Handover || !strings.Contains(s.Warn.EN, "Client ID") || !strings.Contains(s.Warn.JA, "Client ID") {
			t.Errorf("%s: handover %v, warn %q", platform, s.Handover, s.Warn.EN)
		}
	}
}

// A config file (no flow.* answers) with only PC web is read as PC web only, and passes.
func TestConfigOnlyAnswers(t *testing.T) {
	a := steps.Answers{
		"naver.application_name":     "Sample Shop",
		"naver.platform":             "other",
		"naver.review_status":        "approved",
		"naver.client_id":            "SbxClientId0000Abc12",
		"naver.client_secret":        "Sbx0Secr3t",
		"naver.items.name":           "false",
		"naver.items.email":          "true",
		"naver.pc_web.service_url":   "https://shop.example.co.kr",
		"naver.pc_web.callback_urls": "https://shop.example.co.kr/callback",
	}
	e := wizard.New(Flow(), a)
	if ps := wizard.Errors(e.Validate()); len(ps) > 0 {
		t.Fatalf("%s: %s", ps[0].Field, ps[0].Message(steps.EN))
	}
	got := e.Answers()
	if got[KeyEnvMobile] != "false" || got[KeyMobileService] != "" || got[KeyDomain] != "shop.example.co.kr" {
		t.Errorf("mobile %q service %q domain %q", got[KeyEnvMobile], got[KeyMobileService], got[KeyDomain])
	}
}

func TestEnvironmentChoiceRules(t *testing.T) {
	a := sampleAnswers()
	a[KeyEnvPC], a[KeyEnvMobile] = "false", "false"
	ps := wizard.Errors(wizard.New(Flow(), a).Validate())
	if len(ps) != 1 || ps[0].Field != KeyEnvPC || !strings.Contains(ps[0].Message(steps.EN), "neither PC web nor Mobile web") {
		t.Errorf("both off: %v", messages(ps))
	}
	a = sampleAnswers()
	delete(a, KeyDomain)
	ps = wizard.Errors(wizard.New(Flow(), a).Validate())
	if len(ps) == 0 || !strings.Contains(ps[0].Message(steps.EN), "service URL or callback URLs are empty") {
		t.Errorf("no domain: %v", messages(ps))
	}
	a = sampleAnswers()
	a[KeyPCCallbacks] = "https://sample.com\nhttps://other.example\nhttps://sample.com/"
	ps = wizard.New(Flow(), a).Validate()
	var got []string
	for _, p := range ps {
		if p.Field == KeyPCCallbacks {
			got = append(got, p.Message(steps.EN))
		}
	}
	if len(got) != 3 || !strings.Contains(got[0], "https://other.example is not on") || !strings.Contains(got[1], "https://sample.com/ is listed twice") || !strings.Contains(got[2], "nothing on www.sample.com") {
		t.Errorf("callback problems: %q", got)
	}
}

func TestValidateAppName(t *testing.T) {
	tests := []struct {
		v    string
		sev  steps.Severity
		text string // "" = no problem
	}{
		{"Sample Shop", 0, ""},
		{"サンプル商店", 0, ""},
		{strings.Repeat("가", 40), 0, ""},
		{strings.Repeat("가", 41), steps.Error, "at most 40 characters long (got 41)"},
		{"NAVER Sample Shop", steps.Warning, "names NAVER"},
		{"샘플 네이버 쇼핑", steps.Warning, "names NAVER"},
		{"로그인", steps.Warning, "says nothing about the shop"},
		{"Login", steps.Warning, "says nothing"},
		{"테스트", steps.Warning, "says nothing"},
		{"test", steps.Warning, "says nothing"},
		{"Login Test", steps.Warning, "says nothing"},
	}
	for _, tt := range tests {
		p := ValidateAppName(tt.v, nil)
		switch {
		case tt.text == "" && p != nil:
			t.Errorf("%q: %s", tt.v, p.Message(steps.EN))
		case tt.text != "" && p == nil:
			t.Errorf("%q: no problem, want %q", tt.v, tt.text)
		case p != nil && (p.Severity != tt.sev || !strings.Contains(p.Message(steps.EN), tt.text) || p.Message(steps.JA) == ""):
			t.Errorf("%q: %v %q, want %v %q", tt.v, p.Severity, p.Message(steps.EN), tt.sev, tt.text)
		}
	}
}

func TestValidateCredentials(t *testing.T) {
	tests := []struct {
		name string
		v    func(string, steps.Answers) *steps.Problem
		in   string
		sev  steps.Severity
		text string
	}{
		{"id ok", ValidateClientID, "SbxClientId0000Abc12", 0, ""},
		{"id with _ and -", ValidateClientID, "Sbx_Client-Id000Abc1", 0, ""},
		{"id short", ValidateClientID, "SbxClientId", steps.Warning, "has 11 characters; NAVER's are 20 long"},
		{"id space", ValidateClientID, "SbxClient Id0000Abc1", steps.Error, "character 10 is a space"},
		{"id too long", ValidateClientID, strings.Repeat("a", 41), steps.Error, "at most 40"},
		{"secret ok", ValidateClientSecret, "Sbx0Secr3t", 0, ""},
		{"secret long", ValidateClientSecret, "Sbx0Secr3tX", steps.Warning, "has 11 characters; NAVER's are 10 long"},
		{"secret symbol", ValidateClientSecret, "Sbx0Secr3!", steps.Error, "may contain only letters, digits, _ and -"},
		{"secret full-width", ValidateClientSecret, "Ｓbx0Secr3t", steps.Error, "full-width"},
	}
	for _, tt := range tests {
		p := tt.v(tt.in, nil)
		switch {
		case tt.text == "" && p != nil:
			t.Errorf("%s: %s", tt.name, p.Message(steps.EN))
		case tt.text != "" && p == nil:
			t.Errorf("%s: no problem", tt.name)
		case p != nil:
			if p.Severity != tt.sev || !strings.Contains(p.Message(steps.EN), tt.text) {
				t.Errorf("%s: %v %q, want %v %q", tt.name, p.Severity, p.Message(steps.EN), tt.sev, tt.text)
			}
			if strings.Contains(p.Message(steps.EN)+p.Message(steps.JA), tt.in) {
				t.Errorf("%s: the value appears in the message", tt.name)
			}
		}
	}
}

func TestValidateURLAndDomain(t *testing.T) {
	for _, ok := range []string{"https://sample.com", "http://sample.com/x", "https://한국.kr"} {
		if p := ValidateURL(ok, nil); p != nil {
			t.Errorf("%q: %s", ok, p.Message(steps.EN))
		}
	}
	for _, bad := range []string{"sample.com", "ftp://sample.com", "https://", "https://exa mple.com"} {
		if p := ValidateURL(bad, nil); p == nil || p.Severity != steps.Error {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, ok := range []string{"sample.com", "https://www.sample.com/shop/", "한국.kr", "localhost:8080"} {
		if p := ValidateDomain(ok, nil); p != nil {
			t.Errorf("%q: %s", ok, p.Message(steps.EN))
		}
	}
	if p := ValidateDomains("en.sample.com\nbad_domain", nil); p == nil || !strings.Contains(p.Message(steps.EN), "bad_domain") {
		t.Errorf("bad secondary domain not named: %v", p)
	}
}

func TestReviewText(t *testing.T) {
	a := sampleAnswers()
	for _, lang := range []steps.Lang{steps.EN, steps.JA, Korean} {
		txt := ReviewText(a, lang)
		if strings.Contains(txt, "\n") || !strings.Contains(txt, "Cafe24") || !strings.Contains(txt, "Sample Shop") {
			t.Errorf("%s: %q", lang, txt)
		}
	}
	en, ja, ko := ReviewText(a, steps.EN), ReviewText(a, steps.JA), ReviewText(a, Korean)
	for _, w := range []string{"other", "name", "e-mail", "separate password", "tester"} {
		if !strings.Contains(en, w) {
			t.Errorf("EN lacks %q: %s", w, en)
		}
	}
	for _, w := range []string{"その他", "氏名", "メール", "パスワード"} {
		if !strings.Contains(ja, w) {
			t.Errorf("JA lacks %q: %s", w, ja)
		}
	}
	for _, w := range []string{"기타", "회원이름", "연락처 이메일", "비밀번호"} {
		if !strings.Contains(ko, w) {
			t.Errorf("KO lacks %q: %s", w, ko)
		}
	}

	a["naver.items.name"], a["naver.items.email"] = "false", "false"
	a["naver.platform"], a[KeyPlatformName] = "other", "MakeShop"
	en, ko = ReviewText(a, steps.EN), ReviewText(a, Korean)
	if strings.Contains(en, "e-mail") || strings.Contains(ko, "회원이름") || !strings.Contains(en, "MakeShop") || !strings.Contains(ko, "MakeShop") {
		t.Errorf("items or platform ignored: %s / %s", en, ko)
	}
	delete(a, KeyPlatformName)
	if !strings.Contains(ReviewText(a, steps.JA), "自社のショップシステム") {
		t.Errorf("other platform without name: %s", ReviewText(a, steps.JA))
	}
}

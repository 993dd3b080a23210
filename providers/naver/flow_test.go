package naver

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/platform"
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
		"naver.credentials", "naver.testers", "naver.shop_admin", "naver.capture", "naver.logo", "naver.review"}
	if !slices.Equal(ids, want) {
		t.Errorf("step ids %q, want %q", ids, want)
	}
}

var bracketed = regexp.MustCompile(`\([^)]*\)`)

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
	cafe, _ := platform.Builtin("cafe24")
	for _, fl := range []*steps.Flow{Flow(), FlowFor(cafe)} {
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
			// English names a Japanese-only console's labels in brackets after its own words.
			if !hasJapanese(s.Body.JA) || hasJapanese(bracketed.ReplaceAllString(s.Body.EN, "")) {
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
	if a[KeyReviewPurpose] != "카페24" || !strings.Contains(a[KeyReviewItems], "회원이름") {
		t.Errorf("review fields not derived: %q / %q", a[KeyReviewPurpose], a[KeyReviewItems])
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
	// Full-width typing: the URL field refuses it and gives the plain form; the domain
	// field takes it (the planner writes the plain domain).
	if p := ValidateURL("https://ｓａｍｐｌｅ．ｃｏｍ/cb", nil); p == nil || p.Severity != steps.Error ||
		!strings.Contains(p.Message(steps.EN), "https://sample.com/cb") || !strings.Contains(p.Message(steps.JA), "全角") {
		t.Errorf("full-width URL: %v", p)
	}
	for _, ok := range []string{"ｓａｍｐｌｅ．ｃｏｍ", "ｗｗｗ.sample.com"} {
		if p := ValidateDomain(ok, nil); p != nil {
			t.Errorf("%q: %s", ok, p.Message(steps.EN))
		}
	}
	if p := ValidateDomain("sample＿shop.com", nil); p == nil || p.Severity != steps.Error {
		t.Errorf("full-width underscore accepted: %v", p)
	}
	if p := ValidateDomains("en.sample.com\nbad_domain", nil); p == nil || !strings.Contains(p.Message(steps.EN), "bad_domain") {
		t.Errorf("bad secondary domain not named: %v", p)
	}
}

// The review form field by field: the purpose (기타 + the platform's name) and the items
// collected with their use, in Korean to paste and in the operator's language to read.
func TestReviewFields(t *testing.T) {
	a := sampleAnswers()
	cafe, _ := platform.Builtin("cafe24")
	if got := ReviewPurpose(cafe, a, Korean); got != "카페24" {
		t.Errorf("purpose for Cafe24 = %q", got)
	}
	if got := ReviewPurpose(nil, a, steps.JA); got != "Cafe24" {
		t.Errorf("purpose in Japanese = %q", got)
	}
	for lang, words := range map[steps.Lang][]string{
		Korean:   {"이용자 고유 식별자", "회원이름", "연락처 이메일"},
		steps.EN: {"user identifier", "name", "contact e-mail"},
		steps.JA: {"識別子", "氏名", "連絡先メール"},
	} {
		txt := ReviewItems(a, lang)
		if strings.Contains(txt, "\n") {
			t.Errorf("%s: items on several lines: %q", lang, txt)
		}
		for _, w := range words {
			if !strings.Contains(txt, w) {
				t.Errorf("%s: items lack %q: %s", lang, w, txt)
			}
		}
	}
	a["naver.items.name"], a["naver.items.email"] = "false", "false"
	a["naver.platform"], a[KeyPlatformName] = "other", "MakeShop"
	if ko := ReviewItems(a, Korean); strings.Contains(ko, "회원이름") || !strings.Contains(ko, "추가 항목 없음") {
		t.Errorf("items ignored: %s", ko)
	}
	if got := ReviewPurpose(nil, a, Korean); got != "MakeShop" {
		t.Errorf("purpose for another platform = %q", got)
	}
	delete(a, KeyPlatformName)
	if got := ReviewPurpose(nil, a, steps.JA); got != "自社のショップシステム" {
		t.Errorf("purpose for the shop's own system = %q", got)
	}
	st := Flow().Step(StepReview)
	var keys []string
	for _, f := range st.Fields {
		keys = append(keys, f.Key)
		if f.Translation == nil || f.Derive == nil {
			t.Errorf("%s: no text to paste or no translation", f.Key)
		}
	}
	if !slices.Equal(keys, []string{KeyReviewPurpose, KeyReviewItems}) {
		t.Errorf("review fields %v", keys)
	}
	for _, w := range []string{"기타", "2 to 3 business days", "one image file"} {
		if !strings.Contains(st.Body.EN, w) {
			t.Errorf("review body lacks %q", w)
		}
	}
	for _, w := range []string{"その他", "2〜3営業日", "画像ファイル1つ"} {
		if !strings.Contains(st.Body.JA, w) {
			t.Errorf("review body (ja) lacks %q", w)
		}
	}
}

// Confirming that the review request was sent records naver.review_status: requested,
// and the steps stay on screen for the rest of this walk.
func TestReviewConfirmedRecordsTheStatus(t *testing.T) {
	e := wizard.New(Flow(), sampleAnswers())
	for !e.Finished() && e.Current().ID != StepReview {
		for _, s := range []string{StepAccount, StepRegister, StepAPI, StepEnvironments, StepTesters, StepShopAdmin, StepCapture, StepLogo} {
			e.Set("flow.done."+s, "true")
		}
		if ps := wizard.Errors(e.Next()); len(ps) > 0 {
			t.Fatal(ps[0].Message(steps.EN))
		}
	}
	if e.Finished() {
		t.Fatal("the review step was not reached")
	}
	e.Set(e.Current().ConfirmKey(), "true")
	e.Next()
	if got := e.Answers().Get("naver.review_status"); got != StatusRequested {
		t.Errorf("review_status = %q after confirming the request", got)
	}
	if !slices.Contains(visibleIDs(e.Raw()), StepCapture) {
		t.Error("the capture step left the screen in the walk that sent the request")
	}
	a := e.Raw()
	delete(a, "flow.done."+StepReview) // the next run reads the config file only
	if slices.Contains(visibleIDs(a), StepCapture) {
		t.Error("the next run still shows the capture step")
	}
}

// With --platform cafe24 the platform is chosen for the shop and the shop admin step
// speaks Cafe24's menu: 「SNS連携管理」.
func TestCafe24Profile(t *testing.T) {
	cafe, _ := platform.Builtin("cafe24")
	a := sampleAnswers()
	delete(a, "naver.platform")
	e := wizard.New(FlowFor(cafe), a)
	if got := e.Answers().Get("naver.platform"); got != "cafe24" {
		t.Errorf("naver.platform = %q with the Cafe24 profile", got)
	}
	var admin *steps.Step
	for _, s := range e.Visible() {
		if s.ID == StepShopAdmin {
			admin = s
		}
	}
	if admin == nil {
		t.Fatal("no shop admin step")
	}
	for _, w := range []string{"SNS連携管理", "SNSアカウント連携", "使用する", "保存", "tester"} {
		if !strings.Contains(admin.Body.EN, w) {
			t.Errorf("EN shop admin lacks %q: %s", w, admin.Body.EN)
		}
	}
	for _, w := range []string{"「SNS連携管理」", "「使用する」", "テスター"} {
		if !strings.Contains(admin.Body.JA, w) {
			t.Errorf("JA shop admin lacks %q: %s", w, admin.Body.JA)
		}
	}
	if !strings.Contains(FlowFor(cafe).Title.EN, "Cafe24") {
		t.Error("the flow's title does not name the platform")
	}
}

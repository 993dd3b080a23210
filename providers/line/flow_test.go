package line

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
)

var (
	flNewIDs = []string{
		"line.intro", "line.create_oa", "line.verify_account", "line.chat_on", "line.developers_register",
		"line.provider", "line.messaging_api", "line.login_channel", "line.publish_login", "line.collect",
		"line.cms", "line.webhook", "line.callback",
	}
	flSwitchIDs = []string{
		"line.intro", "line.verify_account", "line.policy_urls", "line.login_settings", "line.chat_on",
		"line.collect", "line.cms", "line.webhook", "line.callback",
	}
	// flContractChecks are the check flIDs of DESIGN.md.
	flContractChecks = []string{
		"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.webhook.set", "line.webhook.active",
		"line.webhook.test", "line.login.secret", "line.login.callback", "naver.credentials", "naver.callback", "naver.urls",
	}
)

func flIDs(fl *steps.Flow) []string {
	var out []string
	for _, s := range fl.Steps {
		out = append(out, s.ID)
	}
	return out
}

func TestFlowShape(t *testing.T) {
	for _, c := range []struct {
		fl     *steps.Flow
		id     string
		preset string
		steps  []string
	}{
		{FlowNew(), "line.new", "new", flNewIDs},
		{FlowSwitch(), "line.switch", "switch", flSwitchIDs},
	} {
		if c.fl.ID != c.id || c.fl.Provider != "line" || c.fl.Preset["line.flow"] != c.preset {
			t.Errorf("%s: id %q provider %q preset %v", c.id, c.fl.ID, c.fl.Provider, c.fl.Preset)
		}
		if got := flIDs(c.fl); !slices.Equal(got, c.steps) {
			t.Errorf("%s steps:\n got %v\nwant %v", c.id, got, c.steps)
		}
		if FlowByID(c.id) == nil || FlowByID(c.id).ID != c.id {
			t.Errorf("FlowByID(%q) did not find it", c.id)
		}
	}
	if len(flNewIDs) != 12+1 || len(flSwitchIDs) != 8+1 {
		t.Fatal("documented step counts: 12 and 8, plus the intro")
	}
	if FlowByID("naver") != nil {
		t.Error("FlowByID(naver) should be nil in the LINE package")
	}
	if got := len(Flows()); got != 2 {
		t.Errorf("Flows() = %d flows", got)
	}
}

func TestSharedStepsAreTheSameDeclaration(t *testing.T) {
	nw, sw := FlowNew(), FlowSwitch()
	for _, id := range []string{"line.verify_account", "line.chat_on", "line.collect", "line.cms", "line.webhook", "line.callback"} {
		a, b := nw.Step(id), sw.Step(id)
		if a == nil || b == nil {
			t.Fatalf("%s missing from a flow", id)
		}
		if a.Title != b.Title || a.Body != b.Body || a.Confirm != b.Confirm || a.Warn != b.Warn ||
			!slices.Equal(a.Checks, b.Checks) || len(a.Fields) != len(b.Fields) || a.Handover != b.Handover {
			t.Errorf("%s differs between the flows", id)
		}
		// Shared bodies must not refer to a step by a number that only one flow has.
		for _, r := range "①②③④⑤⑥⑦⑧⑨⑩⑪⑫" {
			if strings.ContainsRune(a.Body.EN+a.Body.JA+a.Warn.EN+a.Warn.JA, r) {
				t.Errorf("%s refers to a numbered step", id)
			}
		}
	}
	if sw.Step("line.intro").Fields[1].Key == FlowOAExists {
		t.Error("the switching intro should not ask whether the account exists")
	}
}

func flBoth(t *testing.T, where string, x steps.Text, required bool) {
	t.Helper()
	if x.IsZero() && !required {
		return
	}
	if strings.TrimSpace(x.EN) == "" || strings.TrimSpace(x.JA) == "" {
		t.Errorf("%s: needs wording in both languages: %+v", where, x)
	}
	if x.EN == x.JA && len(x.EN) > 12 {
		t.Errorf("%s: Japanese is a copy of the English: %q", where, x.EN)
	}
}

func TestEveryTextInBothLanguages(t *testing.T) {
	lep, _ := platform.Builtin("leporto")
	for _, fl := range append(Flows(), FlowsFor(lep)...) {
		flBoth(t, fl.ID+" title", fl.Title, true)
		for _, s := range fl.Steps {
			w := fl.ID + "/" + s.ID
			flBoth(t, w+" title", s.Title, true)
			flBoth(t, w+" body", s.Body, true)
			flBoth(t, w+" confirm", s.Confirm, false)
			flBoth(t, w+" warn", s.Warn, false)
			if len(s.Links) == 0 && s.ID != "line.intro" && s.ID != "line.cms" {
				t.Errorf("%s: a console step without a link", w)
			}
			for _, l := range s.Links {
				flBoth(t, w+" link", l.Label, true)
				if l.URL != EntryURL && l.URL != ManagerURL && l.URL != DevConsoleURL {
					t.Errorf("%s: unexpected link %s", w, l.URL)
				}
			}
			for _, f := range s.Fields {
				flBoth(t, w+" "+f.Key+" label", f.Label, true)
				flBoth(t, w+" "+f.Key+" help", f.Help, true)
			}
		}
	}
}

func TestFieldKeysChecksAndSecrets(t *testing.T) {
	secretEnv := map[string]string{
		"line.messaging_api.channel_access_token": "LINE_CHANNEL_ACCESS_TOKEN",
		"line.messaging_api.channel_secret":       "LINE_CHANNEL_SECRET",
		"line.login.channel_secret":               "LINE_LOGIN_CHANNEL_SECRET",
	}
	wantChecks := map[string][]string{
		"line.collect":  {"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.login.secret"},
		"line.webhook":  {"line.webhook.set", "line.webhook.active", "line.webhook.test"},
		"line.callback": {"line.login.callback"},
	}
	for _, fl := range Flows() {
		seen := map[string]bool{}
		var handovers int
		for _, s := range fl.Steps {
			if !slices.Equal(s.Checks, wantChecks[s.ID]) {
				t.Errorf("%s/%s checks %v, want %v", fl.ID, s.ID, s.Checks, wantChecks[s.ID])
			}
			for _, c := range s.Checks {
				if !slices.Contains(flContractChecks, c) {
					t.Errorf("%s: %q is not a contract check id", s.ID, c)
				}
			}
			if s.Handover {
				handovers++
				if s.ID != "line.cms" || len(s.Fields) != 0 {
					t.Errorf("handover step %s should be line.cms without fields", s.ID)
				}
			}
			for _, f := range s.Fields {
				if !config.IsKey(f.Key) && !strings.HasPrefix(f.Key, "flow.") {
					t.Errorf("%s: field key %q is neither a config key nor flow.*", s.ID, f.Key)
				}
				if seen[f.Key] {
					t.Errorf("%s: field %q asked twice in %s", s.ID, f.Key, fl.ID)
				}
				seen[f.Key] = true
				if env, vOK := secretEnv[f.Key]; vOK {
					if f.Kind != steps.KindSecret || f.Env != env {
						t.Errorf("%s: kind %v env %q, want secret and %s", f.Key, f.Kind, f.Env, env)
					}
				} else if f.Kind == steps.KindSecret || config.IsSecret(f.Key) {
					t.Errorf("%s: secret field not in the list of three", f.Key)
				}
				if config.IsKey(f.Key) && f.Sample == "" {
					t.Errorf("%s: no sandbox sample", f.Key)
				}
				if f.Kind != steps.KindConfirm && len(f.Validate) == 0 {
					t.Errorf("%s: no validator", f.Key)
				}
			}
		}
		if handovers != 1 {
			t.Errorf("%s: %d handover steps", fl.ID, handovers)
		}
		if seen["line.messaging_api.channel_id"] {
			t.Errorf("%s: the Messaging API channel ID is learnt from the token, not asked", fl.ID)
		}
		for _, k := range []string{"line.account_name", "line.policy.privacy_policy_url", "line.policy.terms_url",
			"line.messaging_api.channel_access_token", "line.messaging_api.channel_secret", "line.messaging_api.add_friend_url",
			"line.messaging_api.webhook_url", "line.login.channel_id", "line.login.channel_secret", "line.login.callback_url", FlowSetWebhook} {
			if !seen[k] {
				t.Errorf("%s does not ask for %s", fl.ID, k)
			}
		}
	}
	if _, s, _ := FlowNew().Field("line.provider_name"); s == nil || s.ID != "line.provider" {
		t.Error("line.provider_name belongs to line.provider")
	}
}

// flSamples are the sandbox answers of every field of fl.
func flSamples(fl *steps.Flow) steps.Answers {
	a := steps.Answers{}
	for _, s := range fl.Steps {
		for _, f := range s.Fields {
			if f.Sample != "" {
				a[f.Key] = f.Sample
			}
		}
	}
	return a
}

func TestSamplesPassTheirValidators(t *testing.T) {
	for _, fl := range Flows() {
		a := flSamples(fl)
		a["line.messaging_api.channel_id"] = "2000000001" // learnt from the token
		for _, s := range fl.Steps {
			for _, f := range s.Fields {
				if f.Sample == "" {
					continue
				}
				if ps := f.Check(f.Sample, a); len(ps) > 0 {
					t.Errorf("%s sample %q: %s", f.Key, f.Sample, ps[0].Message(steps.EN))
				}
			}
		}
	}
}

func TestSkipWithTheEngine(t *testing.T) {
	for _, c := range []struct {
		answers steps.Answers
		skipped []string
	}{
		{steps.Answers{}, nil},
		{steps.Answers{FlowOAExists: "true"}, []string{"line.create_oa"}},
		{steps.Answers{FlowVerified: "true"}, []string{"line.verify_account"}},
		{steps.Answers{FlowOAExists: "true", FlowVerified: "true"}, []string{"line.create_oa", "line.verify_account"}},
		{steps.Answers{FlowOAExists: "false", FlowVerified: "false"}, nil},
	} {
		e := wizard.New(FlowNew(), c.answers)
		var vis []string
		for _, s := range e.Visible() {
			vis = append(vis, s.ID)
		}
		for _, id := range flNewIDs {
			if slices.Contains(vis, id) == slices.Contains(c.skipped, id) {
				t.Errorf("answers %v: step %s visible=%v", c.answers, id, slices.Contains(vis, id))
			}
		}
	}
	// In the switching flow only verification can be skipped.
	e := wizard.New(FlowSwitch(), steps.Answers{FlowVerified: "true", FlowOAExists: "false"})
	if n := len(e.Visible()); n != len(flSwitchIDs)-1 {
		t.Errorf("switch with a verified account: %d visible steps", n)
	}
}

// flWalk passes every step of fl with the engine, answering with flSamples; it returns the
// flIDs in the order visited and the engine.
func flWalk(t *testing.T, fl *steps.Flow, given steps.Answers) ([]string, *wizard.Engine) {
	t.Helper()
	e := wizard.New(fl, nil)
	a := flSamples(fl)
	for k, v := range given {
		a[k] = v
	}
	var visited []string
	for i := 0; !e.Finished() && i < 50; i++ {
		cur := e.Current()
		visited = append(visited, cur.ID)
		for _, f := range cur.Fields {
			if v, vOK := a[f.Key]; vOK {
				e.Set(f.Key, v)
			}
		}
		if cur.ID == "line.collect" {
			e.Learn(map[string]string{"line.messaging_api.channel_id": "2000000001"})
		}
		if ps := wizard.Errors(e.Next()); len(ps) > 0 {
			t.Fatalf("%s: %s", cur.ID, ps[0].Message(steps.EN))
		}
	}
	return visited, e
}

func TestWalkBothFlowsToTheEnd(t *testing.T) {
	got, e := flWalk(t, FlowNew(), steps.Answers{FlowOAExists: "true"})
	vWant := slices.DeleteFunc(slices.Clone(flNewIDs), func(s string) bool { return s == "line.create_oa" })
	if !slices.Equal(got, vWant) {
		t.Errorf("walked %v\nwant   %v", got, vWant)
	}
	a := e.Answers()
	if a["line.flow"] != "new" || a[FlowSetWebhook] != "true" {
		t.Errorf("preset or derived consent missing: flow=%q set_webhook=%q", a["line.flow"], a[FlowSetWebhook])
	}
	if ps := e.Validate(); len(ps) > 0 {
		t.Errorf("validate after a full walk: %s", ps[0].Message(steps.EN))
	}

	got, e = flWalk(t, FlowSwitch(), steps.Answers{FlowVerified: "true"})
	vWant = slices.DeleteFunc(slices.Clone(flSwitchIDs), func(s string) bool { return s == "line.verify_account" })
	if !slices.Equal(got, vWant) || e.Answers()["line.flow"] != "switch" {
		t.Errorf("walked %v\nwant   %v", got, vWant)
	}
}

func TestConsentCanBeRefused(t *testing.T) {
	e := wizard.New(FlowNew(), steps.Answers{FlowSetWebhook: "false"})
	if got := e.Value(FlowSetWebhook); got != "false" {
		t.Errorf("an explicit no must win over the derived yes, got %q", got)
	}
	if got := wizard.New(FlowNew(), nil).Value(FlowSetWebhook); got != "true" {
		t.Errorf("consent defaults to %q, want true", got)
	}
}

func TestNonInteractiveProblemsNameTheFix(t *testing.T) {
	a := flSamples(FlowNew())
	delete(a, "line.messaging_api.channel_secret")
	a["line.login.channel_secret"] = a["line.messaging_api.channel_access_token"]
	a["line.login.callback_url"] = a["line.messaging_api.webhook_url"]
	ps := wizard.New(FlowNew(), a).Validate()
	byKey := map[string]steps.Problem{}
	for _, p := range ps {
		byKey[p.Field] = p
	}
	for key, in := range map[string]string{
		"line.messaging_api.channel_secret": "LINE_CHANNEL_SECRET",
		"line.login.channel_secret":         "channel access token",
		"line.login.callback_url":           "webhook URL",
	} {
		p, vOK := byKey[key]
		if !vOK {
			t.Errorf("no problem for %s (got %v)", key, ps)
			continue
		}
		if msg := p.Message(steps.EN); !strings.Contains(msg, in) {
			t.Errorf("%s: %q lacks %q", key, msg, in)
		}
		if p.Message(steps.JA) == "" || p.Label.JA == "" {
			t.Errorf("%s: no Japanese message", key)
		}
	}
	for _, p := range ps {
		for _, l := range []steps.Lang{steps.EN, steps.JA} {
			if strings.Contains(p.Message(l), a["line.messaging_api.channel_access_token"]) {
				t.Fatalf("a problem repeats the token: %s", p.Field)
			}
		}
	}
}

// The guides' facts, by the consoles' own labels, in both languages.
func TestGuidanceKeyPhrases(t *testing.T) {
	nw, sw := FlowNew(), FlowSwitch()
	for _, c := range []struct {
		fl     *steps.Flow
		step   string
		en, ja []string
	}{
		{nw, "line.create_oa", []string{"LINEアカウントで登録", "メールアドレスで登録", "SMS", "Business ID", "Account name (アカウント名)", "会社・事業者の所在国・地域", "Industry (業種)"},
			[]string{"「LINEアカウントで登録」", "「メールアドレスで登録」", "SMS", "ビジネスID", "「アカウント名」", "「会社・事業者の所在国・地域」", "「業種」"}},
		{nw, "line.verify_account", []string{"Settings (設定)", "情報の公開", "認証ステータス", "アカウント認証をリクエスト", "申し込みタイプ", "店舗", "オンラインショップ"},
			[]string{"「設定」", "「情報の公開」", "「認証ステータス」", "「アカウント認証をリクエスト」", "「申し込みタイプ」", "「店舗」", "「オンラインショップ」"}},
		{nw, "line.messaging_api", []string{"privacy policy", "terms of use", "Messaging APIを利用する"}, []string{"「プライバシーポリシー」", "「利用規約」"}},
		{nw, "line.login_channel", []string{"サービスを提供する地域", "会社・事業者の所在国・地域", "チャネルアイコン", "Channel name (チャネル名)", "Channel description (チャネル説明)", "sign up", "Web app (ウェブアプリ)", "2要素認証の必須化", "Privacy policy URL", "optional", "Linked LINE Official Account (リンクされたLINE公式アカウント)"},
			[]string{"「サービスを提供する地域」", "「会社・事業者の所在国・地域」", "「チャネルアイコン」", "「チャネル名」", "「チャネル説明」", "会員登録", "「ウェブアプリ」", "「2要素認証の必須化」", "任意", "「リンクされたLINE公式アカウント」"}},
		{nw, "line.collect", []string{"Gain friends (友だちを増やす) > Add friend guide (友だち追加ガイド) > Create URL (URLを作成)", "Issue (発行)", "Channel secret (チャネルシークレット)"},
			[]string{"「友だちを増やす」＞「友だち追加ガイド」＞「URLを作成」", "「発行」", "「チャネルシークレット」"}},
		{nw, "line.callback", []string{"Email address permission (メールアドレス取得権限)", "screenshot"}, []string{"「メールアドレス取得権限」", "スクリーンショット"}},
		{sw, "line.login_settings", []string{"Use LINE Login in your web app (ウェブアプリでLINEログインを利用する) ON", "Use LINE Login in your mobile app (ネイティブアプリでLINEログインを利用する) OFF", "Published (公開済み)"},
			[]string{"「ウェブアプリでLINEログインを利用する」をオン", "「ネイティブアプリでLINEログインを利用する」をオフ", "「公開済み」"}},
		{sw, "line.policy_urls", []string{"Privacy policy URL (プライバシーポリシーURL)", "Terms of use URL (サービス利用規約URL)"}, []string{"「プライバシーポリシーURL」", "「サービス利用規約URL」"}},
	} {
		s := c.fl.Step(c.step)
		for _, w := range c.en {
			if !strings.Contains(s.Body.EN, w) {
				t.Errorf("%s (en) lacks %q", c.step, w)
			}
		}
		for _, w := range c.ja {
			if !strings.Contains(s.Body.JA, w) {
				t.Errorf("%s (ja) lacks %q", c.step, w)
			}
		}
	}
}

// --platform leporto: the policy URLs come from the profile without typing, stay
// editable, and the CMS step speaks the Leporto CMS's own buttons.
func TestLeportoProfile(t *testing.T) {
	lep, err := platform.Load("leporto")
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range FlowsFor(lep) {
		e := wizard.New(fl, steps.Answers{})
		a := e.Answers()
		if a.Get("line.policy.privacy_policy_url") != "https://leporto.com/privacy" || a.Get("line.policy.terms_url") != "https://leporto.com/terms" {
			t.Errorf("%s: policy URLs %q %q", fl.ID, a.Get("line.policy.privacy_policy_url"), a.Get("line.policy.terms_url"))
		}
		e.Set("line.policy.privacy_policy_url", "https://own.example.jp/privacy")
		if got := e.Answers().Get("line.policy.privacy_policy_url"); got != "https://own.example.jp/privacy" {
			t.Errorf("%s: the operator's value did not win: %q", fl.ID, got)
		}
		if !strings.Contains(fl.Title.EN, "Leporto") || !strings.Contains(fl.Title.JA, "Leporto") {
			t.Errorf("%s: title %+v", fl.ID, fl.Title)
		}
		cms := fl.Step("line.cms")
		for _, w := range []string{"[Next] (次へ)", `"Saved" (保存しました)`, "[Back] (戻る)", "Leporto CMS"} {
			if !strings.Contains(cms.Body.EN, w) {
				t.Errorf("%s cms (en) lacks %q: %s", fl.ID, w, cms.Body.EN)
			}
		}
		for _, w := range []string{"［次へ］", "「保存しました」", "［戻る］", "LeportoのCMS"} {
			if !strings.Contains(cms.Body.JA, w) {
				t.Errorf("%s cms (ja) lacks %q: %s", fl.ID, w, cms.Body.JA)
			}
		}
		wh := fl.Step("line.webhook")
		if !strings.Contains(wh.Body.EN, "only after the Leporto CMS says it has shown \"Saved\" (保存しました)") || !strings.Contains(wh.Body.JA, "「保存しました」と表示されてから") {
			t.Errorf("%s: the webhook step does not wait for the CMS to save:\n%s\n%s", fl.ID, wh.Body.EN, wh.Body.JA)
		}
		for _, s := range fl.Steps {
			for _, f := range s.Fields {
				if (f.Key == "line.policy.privacy_policy_url" || f.Key == "line.policy.terms_url") && f.Sample != "" {
					t.Errorf("%s: the sandbox would replace Leporto's %s by its sample", fl.ID, f.Key)
				}
			}
		}
	}
	mapi := FlowNewFor(lep).Step("line.messaging_api")
	if !strings.Contains(mapi.Body.EN, "https://leporto.com/privacy") || !strings.Contains(mapi.Body.JA, "https://leporto.com/terms") {
		t.Errorf("step 6 does not name Leporto's pages:\n%s", mapi.Body.EN)
	}
}

// A profile's URL templates make the webhook and callback URLs from the shop's ID.
func TestProfileTemplates(t *testing.T) {
	p, err := platform.Load(filepath.Join("..", "..", "testdata", "platform", "example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	fl := FlowNewFor(p)
	e := wizard.New(fl, steps.Answers{"flow.platform.shop": "salon-a"})
	a := e.Answers()
	if a.Get(keyWebhookURL) != "https://salon-a.example-shops.com/line/webhook" || a.Get(keyCallbackURL) != "https://salon-a.example-shops.com/line/callback" {
		t.Errorf("templates: %q %q", a.Get(keyWebhookURL), a.Get(keyCallbackURL))
	}
	intro := fl.Step("line.intro")
	f := intro.Fields[len(intro.Fields)-1]
	if f.Key != "flow.platform.shop" || len(f.Check("Salon A", a)) == 0 || len(f.Check("salon-a", a)) != 0 {
		t.Errorf("the shop ID field: %+v", f)
	}
}

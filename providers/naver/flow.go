// Package naver is NAVER Login (네이버 아이디로 로그인) for a shop: the flow as data, the
// URL planner that derives service and callback URLs from the shop's domains, and the
// live checks against NAVER's endpoints.
package naver

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Step ids (contract: checks point back to them).
const (
	StepIntro        = "naver.intro"
	StepAccount      = "naver.account"
	StepRegister     = "naver.register"
	StepAPI          = "naver.api"
	StepEnvironments = "naver.environments"
	StepCredentials  = "naver.credentials"
	StepTesters      = "naver.testers"
	StepCapture      = "naver.capture"
	StepLogo         = "naver.logo"
	StepReview       = "naver.review"
	StepShopAdmin    = "naver.shop_admin"
)

// Console pages.
const (
	URLDevelopers = "https://developers.naver.com/"
	URLRegister   = "https://developers.naver.com/apps/#/register"
	URLMyApps     = "https://developers.naver.com/apps/#/myapps"
)

// Review statuses as recorded in naver.review_status.
const (
	StatusDevelopment = "development"
	StatusRequested   = "requested"
	StatusApproved    = "approved"
)

func status(a steps.Answers) string {
	if s := a.Get("naver.review_status"); s != "" {
		return s
	}
	return StatusDevelopment
}

// The application exists once review was requested; the console-only steps before it
// are behind the shop. A request confirmed in this very walk keeps them on screen.
func appExists(a steps.Answers) bool {
	return status(a) != StatusDevelopment && !a.Bool("flow.done."+StepReview)
}
func approved(a steps.Answers) bool { return status(a) == StatusApproved }

var myApps = steps.Link{Label: steps.T("Application list (NAVER Developers)", "アプリケーション一覧（NAVER Developers）"), URL: URLMyApps}

// Flow is the NAVER Login setup for the generic platform, one documented step per screen.
func Flow() *steps.Flow { return FlowFor(nil) }

// FlowFor is the NAVER Login setup worded and filled for platform p (nil: generic). The
// shop admin comes before the capture: the capture needs NAVER login working in the shop.
func FlowFor(p *platform.Profile) *steps.Flow {
	if p == nil || p.NAVER == nil {
		p = platform.MustGeneric()
	}
	title := steps.T("NAVER Login", "NAVERログイン")
	if !p.IsGeneric() {
		title = steps.T(title.EN+" ("+p.Name.EN+")", title.JA+"（"+p.Name.JA+"）")
	}
	return &steps.Flow{
		ID:       "naver",
		Provider: "naver",
		Title:    title,
		Steps: []*steps.Step{
			intro(p), account(), register(), api(), environments(), credentials(),
			testers(), shopAdmin(p, "cafe24"), shopAdmin(p, "other"), capture(), logo(), review(p),
		},
	}
}

func intro(p *platform.Profile) *steps.Step {
	s := &steps.Step{
		ID:    StepIntro,
		Title: steps.T("The shop and where it stands", "ショップと今の状況"),
		Body: steps.T(
			"This guide registers the shop as an application at NAVER Developers so that customers can sign up and log in with their NAVER ID.\n\n"+
				"The application's name is what customers see on NAVER's consent screen: use the shop's name. NAVER refuses names that look like its own services or that say nothing (\"login\", \"test\").\n\n"+
				"If the shop already has an application, say how far its review has gone, and the steps already done are left out.",
			"NAVER Developersにショップをアプリケーションとして登録し、お客様がNAVER IDで会員登録・ログインできるようにします。\n\n"+
				"アプリケーション名はNAVERの同意画面でお客様に表示されます。ショップ名にしてください。NAVERのサービスに見える名前や「login」「test」のような意味のない名前は審査で断られます。\n\n"+
				"すでにアプリケーションがある場合は審査の状況を選んでください。済んだ手順は飛ばします。"),
		Fields: []steps.Field{
			{
				Key:      "naver.application_name",
				Label:    steps.T("Application name (the shop's name)", "アプリケーション名（ショップ名）"),
				Help:     steps.T("At most 40 characters; customers see it when they log in.", "40文字以内。ログインのときお客様に表示されます。"),
				Kind:     steps.KindText,
				Validate: []steps.Validator{ValidateAppName},
				Sample:   sample.ShopName,
			},
			{
				Key:   "naver.platform",
				Label: steps.T("Shop platform", "ショップのプラットフォーム"),
				Help:  steps.T("Decides how the shop admin step explains where the ID and secret go, and the platform's name in the review request.", "ショップ管理画面の手順でのIDとシークレットの貼り付け先の案内と、審査申請に書くプラットフォーム名が決まります。"),
				Kind:  steps.KindChoice,
				Options: []steps.Option{
					{Value: "cafe24", Label: steps.T("Cafe24", "Cafe24")},
					{Value: "other", Label: steps.T("Another platform or the shop's own system", "ほかのプラットフォーム・自社システム")},
				},
				Sample: "cafe24",
			},
			{
				Key:      KeyPlatformName,
				Label:    steps.T("Platform name (if not Cafe24)", "プラットフォーム名（Cafe24以外のとき）"),
				Help:     steps.T("Typed as the purpose of the review request; leave empty for a system of the shop's own.", "審査申請の利用目的の欄に入ります。自社システムなら空のままで構いません。"),
				Kind:     steps.KindText,
				Optional: true,
			},
			{
				Key:   "naver.review_status",
				Label: steps.T("Review status of the application", "アプリケーションの審査状況"),
				Help:  steps.T("Shown as 개발 중 / 검수요청 / 승인 in NAVER Developers.", "NAVER Developersでは 개발 중 / 검수요청 / 승인 と表示されます。"),
				Kind:  steps.KindChoice,
				Options: []steps.Option{
					{Value: StatusDevelopment, Label: steps.T("In development, or no application yet (개발 중)", "開発中、またはまだ登録していない（개발 중）")},
					{Value: StatusRequested, Label: steps.T("Review requested (검수요청)", "審査申請済み（검수요청）")},
					{Value: StatusApproved, Label: steps.T("Approved (승인)", "承認済み（승인）")},
				},
				Derive: func(steps.Answers) string { return StatusDevelopment },
				Sample: StatusDevelopment,
			},
		},
	}
	if !p.IsGeneric() {
		// The platform is known: its choice and name are proposed, and stay editable.
		plat := p.NAVER.Platform
		for i := range s.Fields {
			switch s.Fields[i].Key {
			case "naver.platform":
				s.Fields[i].Derive = func(steps.Answers) string { return plat }
				s.Fields[i].Sample = ""
			case KeyPlatformName:
				if plat != "cafe24" {
					name := p.Name.EN
					s.Fields[i].Derive = func(steps.Answers) string { return name }
				}
			}
		}
	}
	return s
}

func account() *steps.Step {
	return &steps.Step{
		ID:    StepAccount,
		Title: steps.T("NAVER Developers account", "NAVER Developersのアカウント"),
		Body: steps.T(
			"Log in to NAVER Developers with the NAVER ID that will own the application. Use an ID the shop keeps for good, not a staff member's own: only this account (and the testers you add) can use the login until NAVER approves it.\n\n"+
				"The first time, NAVER asks you to accept its developer terms and to confirm a phone number or e-mail address.",
			"アプリケーションの持ち主になるNAVER IDでNAVER Developersにログインしてください。スタッフ個人のIDではなく、ショップがずっと使うIDにしてください。承認されるまでは、このアカウント（と追加したテスター）しかログインできません。\n\n"+
				"初めてのときは、開発者向け規約への同意と電話番号かメールアドレスの確認を求められます。"),
		Links:   []steps.Link{{Label: steps.T("NAVER Developers", "NAVER Developers"), URL: URLDevelopers}},
		Confirm: steps.T("I am logged in to NAVER Developers", "NAVER Developersにログインした"),
		Skip:    appExists,
	}
}

func register() *steps.Step {
	return &steps.Step{
		ID:    StepRegister,
		Title: steps.T("Register the application", "アプリケーションを登録する"),
		Body: steps.T(
			"Open Application > Register application (애플리케이션 등록). As the application name, enter the shop's name exactly as in the first step.\n\n"+
				"One NAVER account can hold at most 10 applications; one is enough for the shop.",
			"Application >アプリケーション登録（애플리케이션 등록）を開きます。アプリケーション名には、最初の手順と同じショップ名を入力してください。\n\n"+
				"1つのNAVERアカウントで登録できるのは10件までです。ショップには1件で足ります。"),
		Links:   []steps.Link{{Label: steps.T("Register an application", "アプリケーション登録"), URL: URLRegister}},
		Confirm: steps.T("I entered the shop's name as the application name", "アプリケーション名にショップ名を入れた"),
		Skip:    appExists,
	}
}

func api() *steps.Step {
	return &steps.Step{
		ID:    StepAPI,
		Title: steps.T("Choose NAVER Login and its items", "NAVERログインと取得する項目を選ぶ"),
		Body: steps.T(
			"Under \"API to use\" (사용 API) pick NAVER Login (네이버 로그인). The basic profile, the customer's NAVER identifier, always comes with it.\n\n"+
				"Then tick the items the shop needs and mark each one as required (필수) or optional (추가). Ask only for what the shop uses: customers can refuse optional items, so the shop must work without them.",
			"「使用API」（사용 API）でNAVERログイン（네이버 로그인）を選びます。お客様のNAVER識別子（基本プロフィール）は必ず付いてきます。\n\n"+
				"次に、ショップに必要な項目にチェックを入れ、必須（필수）か任意（추가）を選びます。使う項目だけにしてください。任意の項目はお客様が断れるので、なくても動くようにしておく必要があります。"),
		Links: []steps.Link{{Label: steps.T("Register an application", "アプリケーション登録"), URL: URLRegister}},
		Fields: []steps.Field{
			{
				Key:    "naver.items.name",
				Label:  steps.T("Ask for the customer's name (회원이름)?", "お客様の氏名（회원이름）を求める？"),
				Help:   steps.T("Fills in the name at sign-up and on orders.", "会員登録や注文で名前の入力が省けます。"),
				Kind:   steps.KindConfirm,
				Sample: "true",
			},
			{
				Key:    "naver.items.email",
				Label:  steps.T("Ask for the contact e-mail (연락처 이메일)?", "連絡先メール（연락처 이메일）を求める？"),
				Help:   steps.T("For order confirmations and shipping notices.", "注文確認や発送案内に使います。"),
				Kind:   steps.KindConfirm,
				Sample: "true",
			},
		},
		Confirm: steps.T("I chose NAVER Login and these items", "NAVERログインとこれらの項目を選んだ"),
	}
}

// planInput reads the planner's inputs from the answers.
func planInput(a steps.Answers) PlanInput {
	return PlanInput{
		Domain:       deriveDomain(a),
		MobileDomain: a.Get(KeyMobileDomain),
		Secondary:    a.List(KeySecondaryDomains),
		PC:           envChosen(a, KeyEnvPC),
		Mobile:       envChosen(a, KeyEnvMobile),
	}
}

// envChosen is the answer to "use this environment?"; unanswered, it is yes unless URLs
// from a config file show that only the other environment is registered.
func envChosen(a steps.Answers, key string) bool {
	if v := a.Get(key); v != "" {
		return v == "true"
	}
	pc := a.Get(KeyPCService) != "" || a.Get(KeyPCCallbacks) != ""
	mob := a.Get(KeyMobileService) != "" || a.Get(KeyMobileCallbacks) != ""
	if !pc && !mob {
		return true
	}
	if key == KeyEnvPC {
		return pc
	}
	return mob
}

// deriveDomain is the domain answered, or the one behind a service URL already known.
func deriveDomain(a steps.Answers) string {
	if d := a.Get(KeyDomain); d != "" {
		return d
	}
	if u, ok := parseURL(a.Get(KeyPCService)); ok {
		return strings.TrimPrefix(u.host, "www.")
	}
	if u, ok := parseURL(a.Get(KeyMobileService)); ok {
		return strings.TrimPrefix(strings.TrimPrefix(u.host, "www."), "m.")
	}
	return ""
}

func planned(a steps.Answers) URLPlan {
	p, _ := Plan(planInput(a))
	return p
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// envValidator: a chosen environment needs its URLs; at least one is chosen.
func envValidator(key string) steps.Validator {
	svcKey, cbKey := KeyPCService, KeyPCCallbacks
	name := steps.T("PC web", "PCウェブ")
	if key == KeyEnvMobile {
		svcKey, cbKey = KeyMobileService, KeyMobileCallbacks
		name = steps.T("Mobile web", "モバイルウェブ")
	}
	return func(v string, a steps.Answers) *steps.Problem {
		if key == KeyEnvPC && v == "false" && a.Get(KeyEnvMobile) == "false" {
			return &steps.Problem{
				Rule: steps.T("neither PC web nor Mobile web is chosen.", "PCウェブもモバイルウェブも選ばれていません。"),
				Fix:  steps.T("A shop on the web needs at least one; choose PC web, Mobile web or both.", "ウェブのショップには少なくとも1つ必要です。どちらか、または両方を選んでください。"),
			}
		}
		if v != "true" || (a.Get(svcKey) != "" && a.Get(cbKey) != "") {
			return nil
		}
		return &steps.Problem{
			Rule: steps.T(name.EN+" is chosen but its service URL or callback URLs are empty.", name.JA+"を選びましたが、サービスURLかコールバックURLが空です。"),
			Fix:  steps.T("Enter the shop's domain above, or fill in the URLs.", "上でショップのドメインを入力するか、URLを入力してください。"),
		}
	}
}

// firstOf turns one CheckURLs rule into a field validator that shows its first problem.
func firstOf(rule func(string, []string) []steps.Problem, svcKey string) steps.Validator {
	return func(v string, a steps.Answers) *steps.Problem {
		ps := rule(a.Get(svcKey), steps.SplitList(v))
		if len(ps) == 0 {
			return nil
		}
		return &ps[0]
	}
}

// webEnv names one NAVER environment for the fields that are declared once for both.
type webEnv struct {
	name         steps.Text
	serviceKey   string
	callbacksKey string
	fromPlan     func(URLPlan) *Environment
}

var (
	envPC = webEnv{steps.T("PC web", "PCウェブ"), KeyPCService, KeyPCCallbacks,
		func(p URLPlan) *Environment { return p.PC }}
	envMobile = webEnv{steps.T("Mobile web", "モバイルウェブ"), KeyMobileService, KeyMobileCallbacks,
		func(p URLPlan) *Environment { return p.Mobile }}
)

// serviceURLField is an environment's service URL, derived from the planner and editable.
func serviceURLField(e webEnv) steps.Field {
	return steps.Field{
		Key:   e.serviceKey,
		Label: steps.T(e.name.EN+": service URL", e.name.JA+"：サービスURL"),
		Help:  steps.T("Copy into 서비스 URL of "+e.name.EN+".", e.name.JA+"の 서비스 URLにコピーします。"),
		Kind:  steps.KindURL,
		Derive: func(a steps.Answers) string {
			if env := e.fromPlan(planned(a)); env != nil {
				return env.ServiceURL
			}
			return ""
		},
		Validate: []steps.Validator{ValidateURL},
		Optional: true,
	}
}

// callbackURLsField is an environment's callback URLs, derived from the planner and editable.
func callbackURLsField(e webEnv) steps.Field {
	return steps.Field{
		Key:   e.callbacksKey,
		Label: steps.T(e.name.EN+": callback URLs", e.name.JA+"：コールバックURL"),
		Help:  steps.T("Copy into Callback URL of "+e.name.EN+", one per line; at most 5.", e.name.JA+"のCallback URLに1行ずつコピーします。5件まで。"),
		Kind:  steps.KindList,
		Derive: func(a steps.Answers) string {
			if env := e.fromPlan(planned(a)); env != nil {
				return steps.JoinList(env.CallbackURLs)
			}
			return ""
		},
		Validate: callbackValidators(e.serviceKey),
		Optional: true,
	}
}

func callbackValidators(svcKey string) []steps.Validator {
	var vs []steps.Validator
	for _, r := range urlRules[1:] { // the service URL has its own field
		vs = append(vs, firstOf(r, svcKey))
	}
	return vs
}

func environments() *steps.Step {
	return &steps.Step{
		ID:    StepEnvironments,
		Title: steps.T("Environments: service and callback URLs", "環境：サービスURLとコールバックURL"),
		Body: steps.T(
			"Still in the registration form, under \"Environment\" (로그인 오픈 API 서비스 환경) add PC web and, if the shop has a mobile site, Mobile web. Each has one service URL and up to 5 callback URLs.\n\n"+
				"Enter the shop's domain and the URLs are worked out for you; copy them into the form, and change them here if the shop uses other addresses. Only the service URL's domain counts (not http or https, nor the port): it is where customers may start the login, and a domain without www covers all its subdomains, one with www only itself. Callback URLs may be on the shop's other domains too: add one for each domain customers shop on (main, sub, mobile, cross-border).",
			"同じ登録フォームの「環境」（로그인 오픈 API 서비스 환경）でPCウェブを、モバイルサイトがあればモバイルウェブも追加します。どちらもサービスURLが1つ、コールバックURLが5件までです。\n\n"+
				"ショップのドメインを入れるとURLを組み立てます。フォームにコピーしてください。ショップが別のアドレスを使っているならここで直せます。サービスURLはドメインだけが意味を持ちます（httpかhttpsか、ポートは関係ありません）。お客様がログインを始められる場所で、wwwなしのドメインはすべてのサブドメインを含み、www付きはそれ自身だけです。コールバックURLはショップのほかのドメインにあっても構いません。お客様が買い物をするドメイン（メイン、サブ、モバイル、越境）ごとに1つずつ追加してください。"),
		Links: []steps.Link{myApps},
		Fields: []steps.Field{
			{
				Key:         KeyDomain,
				Label:       steps.T("Shop domain", "ショップのドメイン"),
				Help:        steps.T("The address customers type, such as sample.com.", "お客様が開くアドレス。例：sample.com"),
				Kind:        steps.KindText,
				Placeholder: "sample.com",
				Derive:      deriveDomain,
				Validate:    []steps.Validator{ValidateDomain},
				Optional:    true, // a config file may give the URLs instead
				Sample:      sample.ShopDomain,
			},
			{
				Key:         KeyMobileDomain,
				Label:       steps.T("Mobile domain (if not m.<domain>)", "モバイルのドメイン（m.<ドメイン>でないとき）"),
				Help:        steps.T("Leave empty when the mobile shop is at m.<domain>.", "モバイルショップがm.<ドメイン>なら空のままにしてください。"),
				Kind:        steps.KindText,
				Placeholder: "m.sample.com",
				Validate:    []steps.Validator{ValidateDomain},
				Optional:    true,
			},
			{
				Key:      KeySecondaryDomains,
				Label:    steps.T("Other domains of the shop", "ショップのほかのドメイン"),
				Help:     steps.T("A custom domain or the domains of cross-border shops, one per line; m.… ones go to Mobile web.", "独自ドメインや越境ショップのドメインを1行に1つ。m.… はモバイルウェブに入ります。"),
				Kind:     steps.KindList,
				Validate: []steps.Validator{ValidateDomains},
				Optional: true,
			},
			{
				Key:      KeyEnvPC,
				Label:    steps.T("Use PC web?", "PCウェブを使う？"),
				Kind:     steps.KindConfirm,
				Derive:   func(a steps.Answers) string { return boolStr(envChosen(a, KeyEnvPC)) },
				Validate: []steps.Validator{envValidator(KeyEnvPC)},
				Sample:   "true",
			},
			{
				Key:      KeyEnvMobile,
				Label:    steps.T("Use Mobile web?", "モバイルウェブを使う？"),
				Kind:     steps.KindConfirm,
				Derive:   func(a steps.Answers) string { return boolStr(envChosen(a, KeyEnvMobile)) },
				Validate: []steps.Validator{envValidator(KeyEnvMobile)},
				Sample:   "true",
			},
			serviceURLField(envPC),
			callbackURLsField(envPC),
			serviceURLField(envMobile),
			callbackURLsField(envMobile),
		},
		Checks:  []string{CheckURLsID, CheckCallbackID},
		Confirm: steps.T("I entered these URLs and saved the application", "これらのURLを入力してアプリケーションを保存した"),
	}
}

func credentials() *steps.Step {
	return &steps.Step{
		ID:    StepCredentials,
		Title: steps.T("Client ID and Client Secret", "Client IDとClient Secret"),
		Body: steps.T(
			"After saving, NAVER shows the application's overview (개요) with its Client ID and Client Secret. Copy both here; the secret is shown after pressing \"show\" (보기).\n\n"+
				"The secret works like a password for the shop's login: do not send it by chat or e-mail. It is checked with NAVER right away, without changing anything.",
			"保存すると、アプリケーションの概要（개요）にClient IDとClient Secretが表示されます。両方ここにコピーしてください。シークレットは「表示」（보기）を押すと見えます。\n\n"+
				"シークレットはショップのログインのパスワードのようなものです。チャットやメールで送らないでください。何も変えずに、すぐNAVERに確認します。"),
		Links: []steps.Link{myApps},
		Fields: []steps.Field{
			{
				Key:      "naver.client_id",
				Label:    steps.T("Client ID", "Client ID"),
				Help:     steps.T("20 letters and digits, on the application's overview.", "アプリケーション概要にある20文字の英数字。"),
				Kind:     steps.KindText,
				Validate: []steps.Validator{ValidateClientID},
				Sample:   sample.NaverClientID,
			},
			{
				Key:      "naver.client_secret",
				Label:    steps.T("Client Secret", "Client Secret"),
				Help:     steps.T("10 letters and digits, on the overview after \"show\" (보기).", "概要で「表示」（보기）を押すと出る10文字の英数字。"),
				Kind:     steps.KindSecret,
				Env:      "NAVER_CLIENT_SECRET",
				Validate: []steps.Validator{ValidateClientSecret},
				Sample:   sample.NaverClientSecret,
			},
		},
		Checks: []string{CheckCredentialsID, CheckCallbackID},
	}
}

func testers() *steps.Step {
	return &steps.Step{
		ID:    StepTesters,
		Title: steps.T("Test IDs while in development", "開発中のテスト用ID"),
		Body: steps.T(
			"Until NAVER approves the application it is \"in development\" (개발 중): only the account that registered it and the testers you add can log in. Everyone else gets an error.\n\n"+
				"Under Member management (멤버관리) add the NAVER IDs of the staff who will try the login, at most 20 testers. You need one of them to try the login in the shop and for the capture after it.",
			"NAVERが承認するまで、アプリケーションは「開発中」（개발 중）です。登録したアカウントと追加したテスターしかログインできず、ほかの人にはエラーになります。\n\n"+
				"メンバー管理（멤버관리）で、ログインを試すスタッフのNAVER IDを追加してください。テスターは20人までです。ショップでログインを試すときと、そのあとの画面の撮影にこのIDを使います。"),
		Links:   []steps.Link{myApps},
		Confirm: steps.T("The testers are added", "テスターを追加した"),
		Skip:    approved,
	}
}

// shopAdmin is where the shop admin takes the Client ID and Client Secret, worded for the
// platform. Both variants share the step id; exactly one is shown, chosen by
// naver.platform: "cafe24" in Cafe24's words (its built-in profile), "other" in the
// profile's words when it has them, else in general words.
// platformOf is naver.platform as answered, else as the profile proposes it (a step's
// Skip sees the answers without derived values).
func platformOf(p *platform.Profile, a steps.Answers) string {
	if v := a.Get("naver.platform"); v != "" {
		return v
	}
	if !p.IsGeneric() {
		return p.NAVER.Platform
	}
	return ""
}

func shopAdmin(p *platform.Profile, variant string) *steps.Step {
	s := &steps.Step{
		ID:       StepShopAdmin,
		Title:    steps.T("Switch NAVER login on in the shop", "ショップでNAVERログインをオンにする"),
		Handover: true,
		Warn: steps.T(
			"Keep this Client ID for good: if the shop later switches to another application's Client ID, members who joined with NAVER can no longer log in to their accounts.",
			"このClient IDはずっと使い続けてください。あとで別のアプリケーションのClient IDに変えると、NAVERで登録した会員が自分のアカウントにログインできなくなります。"),
		Confirm: steps.T("NAVER login is switched on in the shop and works with a tester ID", "ショップでNAVERログインをオンにし、テスターIDでログインできた"),
	}
	try := steps.T(
		"Then try it with a tester ID: while the application is in development (개발 중) only the testers can log in. The NAVER button must be on the login page and on the sign-up page, and it must lead to NAVER's consent screen. The capture in the next step is taken from this.",
		"続けてテスターIDで試してください。開発中（개발 중）はテスターしかログインできません。ログインページと会員登録ページの両方にNAVERのボタンがあり、押すとNAVERの同意画面が出る必要があります。次の手順の撮影はこの画面で行います。")
	admin := p.NAVER.Admin
	if variant == "cafe24" {
		c, _ := platform.Builtin("cafe24")
		admin = c.NAVER.Admin
		s.Skip = func(a steps.Answers) bool { return platformOf(p, a) != "cafe24" }
	} else {
		s.Skip = func(a steps.Answers) bool { return platformOf(p, a) == "cafe24" }
		if p.NAVER.Platform == "cafe24" {
			admin = platform.Admin{} // Cafe24's profile, but the shop says it is elsewhere
		}
	}
	if variant == "cafe24" || !admin.Where.IsZero() {
		name := admin.Name
		if name.IsZero() {
			name = steps.T("the shop admin", "ショップの管理画面")
		}
		sw := admin.SwitchOn
		if sw.IsZero() {
			sw = steps.T("switch NAVER login on", "NAVERログインをオンにし")
		}
		save := admin.SaveButton
		if save.IsZero() {
			save = steps.T("Save", "「保存」")
		}
		s.Body = steps.T(
			"In "+name.EN+" open "+admin.Where.EN+". There, "+sw.EN+", paste the Client ID and the Client Secret below, and press "+save.EN+".\n\n"+try.EN,
			name.JA+"で"+admin.Where.JA+"を開きます。"+sw.JA+"、下のClient IDとClient Secretを貼り付けて、"+save.JA+"を押します。\n\n"+try.JA)
		return s
	}
	s.Body = steps.T(
		"In the shop's admin, find the setting for social or SNS login, switch NAVER login on, paste the Client ID and the Client Secret below, and save. If the platform asks for a callback URL, use one of those registered for the environments.\n\n"+try.EN,
		"ショップの管理画面でソーシャルログイン（SNSログイン）の設定を開き、NAVERログインをオンにして、下のClient IDとClient Secretを貼り付けて保存してください。コールバックURLを求められたら、環境に登録したものを使います。\n\n"+try.JA)
	return s
}

func capture() *steps.Step {
	return &steps.Step{
		ID:    StepCapture,
		Title: steps.T("Capture the login for the review", "審査用にログインの画面を撮る"),
		Body: steps.T(
			"NAVER reviews the login from one image file that you attach to the review request. Take it with a tester ID now that NAVER login works in the shop.\n\n"+
				"On the shop, open the login page with the NAVER login button, press it, log in with the tester ID and stop at NAVER's consent screen (동의 화면), which lists the shop's name and the items it asks for. Put both screens, the page with the button and the consent screen, side by side into ONE image file (PNG or JPG).",
			"NAVERは審査申請に添付する1つの画像ファイルでログインを審査します。ショップでNAVERログインが動くようになったので、テスターIDで撮影します。\n\n"+
				"ショップでNAVERログインボタンのあるログインページを開き、ボタンを押してテスターIDでログインし、NAVERの同意画面（동의 화면）で止めます。同意画面にはショップ名と求める項目が出ます。ボタンのあるページと同意画面の2つを並べて、1つの画像ファイル（PNGかJPG）にまとめてください。"),
		Warn: steps.T(
			"Signing up through NAVER must not ask for a separate password. If the shop's sign-up form still asks for one, NAVER refuses the review: switch that off in the shop first.",
			"NAVER経由の会員登録で別のパスワードを求めてはいけません。ショップの会員登録フォームがパスワードを求めると審査に通りません。先にショップ側で外してください。"),
		Confirm: steps.T("I have the one image file with the button and the consent screen", "ボタンと同意画面の入った画像ファイルが1つできた"),
		Skip:    appExists,
	}
}

func logo() *steps.Step {
	return &steps.Step{
		ID:    StepLogo,
		Title: steps.T("Logo", "ロゴ"),
		Body: steps.T(
			"In the application, open the API settings tab (API 설정). Under the logo image (로고 이미지) upload the shop's logo, then press 수정 (edit) at the bottom to save it.\n\n"+
				"Customers see the logo next to the shop's name on NAVER's consent screen, which helps them trust the login.",
			"アプリケーションの「API設定」（API 설정）タブを開きます。ロゴ画像（로고 이미지）にショップのロゴをアップロードし、下の「修正」（수정）を押して保存します。\n\n"+
				"ロゴはNAVERの同意画面でショップ名と並んで表示され、お客様が安心してログインできます。"),
		Links:   []steps.Link{myApps},
		Confirm: steps.T("The logo is uploaded and saved", "ロゴをアップロードして保存した"),
		Skip:    appExists,
	}
}

func review(p *platform.Profile) *steps.Step {
	return &steps.Step{
		ID:    StepReview,
		Title: steps.T("Request the review", "審査を申請する"),
		Body: steps.T(
			"In the application, open the review request (검수요청). NAVER's form is in Korean; fill it in field by field:\n"+
				"1. Purpose: choose 기타 (other) and type the platform's name in the box next to it (below: Purpose).\n"+
				"2. Items collected: the items the shop receives at sign-up, those ticked under 사용 API, each with where it is used (below: Items).\n"+
				"3. Attachment: the one image file with the login button and the consent screen.\n\n"+
				"NAVER answers by e-mail in 2 to 3 business days. Until it approves, only the testers can log in. Once you confirm below that the request was sent, the config file records the review as requested, and the next run leaves out the steps already done.",
			"アプリケーションの審査申請（검수요청）を開きます。NAVERのフォームは韓国語です。次の欄を順に埋めてください。\n"+
				"1. 利用目的：「その他」（기타）を選び、横の欄にプラットフォーム名を入力します（下の「利用目的」）。\n"+
				"2. 取得する項目：会員登録でショップが受け取る項目（使用APIでチェックしたもの）と、それぞれの使い道（下の「取得する項目」）。\n"+
				"3. 添付ファイル：ログインボタンと同意画面の入った画像ファイル1つ。\n\n"+
				"結果は2〜3営業日でメールで届きます。承認されるまではテスターしかログインできません。下で申請したことを確認すると、設定ファイルに審査申請済みと記録し、次に起動したときは済んだ手順を飛ばします。"),
		Links: []steps.Link{myApps},
		Fields: []steps.Field{
			{
				Key:         KeyReviewPurpose,
				Label:       steps.T("Purpose: 기타 (other), then type (Korean)", "利用目的：「その他」（기타）を選んで入力（韓国語）"),
				Help:        steps.T("The platform's name, typed next to 기타.", "기타 の横の欄に入れるプラットフォーム名。"),
				Kind:        steps.KindText,
				Derive:      func(a steps.Answers) string { return ReviewPurpose(p, a, Korean) },
				Translation: func(a steps.Answers, l steps.Lang) string { return ReviewPurpose(p, a, l) },
				Optional:    true,
			},
			{
				Key:         KeyReviewItems,
				Label:       steps.T("Items collected and their use (Korean)", "取得する項目と使い道（韓国語）"),
				Help:        steps.T("Copy it into the form's items field.", "フォームの項目の欄にコピーします。"),
				Kind:        steps.KindText,
				Derive:      func(a steps.Answers) string { return ReviewItems(a, Korean) },
				Translation: ReviewItems,
				Optional:    true,
			},
		},
		Confirm: steps.T("I sent the review request", "審査を申請した"),
		Records: steps.Answers{"naver.review_status": StatusRequested},
		Skip:    appExists,
	}
}

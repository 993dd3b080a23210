// Package line holds the LINE flows (first time, switching from another service), their
// validators, live checks and API access.
package line

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Flow ids (contract).
const (
	FlowNewID    = "line.new"
	FlowSwitchID = "line.switch"
)

// Answer keys that only steer the flow.
const (
	// FlowOAExists is "true" when the shop already has a LINE Official Account: the
	// create-account step is skipped.
	FlowOAExists = "flow.line.oa_exists"
	// FlowVerified is "true" when the account is already verified: the verification step
	// is skipped.
	FlowVerified = "flow.line.verified"
	// FlowSetWebhook is the consent to write the webhook URL through the API.
	FlowSetWebhook = "flow.line.set_webhook"
)

// Console pages the steps link to.
const (
	EntryURL      = "https://entry.line.biz/start/jp/"
	ManagerURL    = "https://manager.line.biz/"
	DevConsoleURL = "https://developers.line.biz/console/"
)

var (
	linkEntry = steps.Link{
		Label: steps.T("LINE Official Account entry page", "LINE公式アカウントの作成ページ"),
		URL:   EntryURL,
	}
	linkManager = steps.Link{
		Label: steps.T("LINE Official Account Manager", "LINE公式アカウントマネージャー"),
		URL:   ManagerURL,
	}
	linkConsole = steps.Link{
		Label: steps.T("LINE Developers console", "LINE Developersコンソール"),
		URL:   DevConsoleURL,
	}
)

// guide builds the steps for one platform: its name, default values, URL templates and
// the wording of its CMS.
type guide struct{ p *platform.Profile }

func newGuide(p *platform.Profile) guide {
	if p == nil || p.LINE == nil {
		p = platform.MustGeneric()
	}
	return guide{p: p}
}

// words fills {platform} and {cms} in both languages.
func (g guide) words(t steps.Text) steps.Text {
	cms := g.cms()
	r := func(s string, l steps.Lang) string {
		return strings.NewReplacer("{platform}", g.p.Name.In(l), "{cms}", cms.Name.In(l), "{Cms}", upperFirst(cms.Name.In(l)),
			"{where}", cms.Where.In(l)).Replace(s)
	}
	return steps.T(r(t.EN, steps.EN), r(t.JA, steps.JA))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// cms is the profile's CMS wording with general words where it says nothing.
func (g guide) cms() platform.CMS {
	c := g.p.LINE.CMS
	if c.Name.IsZero() {
		c.Name = steps.T(g.p.Name.EN+"'s CMS", g.p.Name.JA+"のCMS")
		if g.p.IsGeneric() {
			c.Name = steps.T("the CMS", "CMS")
		}
	}
	if c.Where.IsZero() {
		c.Where = steps.T("the LINE settings of "+c.Name.EN, c.Name.JA+"のLINE設定画面")
		if g.p.IsGeneric() {
			c.Where = steps.T("the LINE settings of the platform's CMS", "プラットフォームのCMSのLINE設定画面")
		}
	}
	return c
}

// Fields shared by several steps.

func accountNameField() steps.Field {
	return steps.Field{
		Key:      "line.account_name",
		Label:    steps.T("LINE Official Account name", "LINE公式アカウント名"),
		Help:     steps.T("The name friends see, as at the top of LINE Official Account Manager. Creating the account now? Enter the name you will give it.", "友だちに表示される名前です（LINE公式アカウントマネージャーの上部に表示）。これから作る場合は、付ける予定の名前を入力してください。"),
		Kind:     steps.KindText,
		Validate: []steps.Validator{AccountName},
		Sample:   sample.AccountName,
	}
}

// fromProfile proposes the platform's value; the sandbox then offers it rather than its
// own sample, so a walk with a profile shows the platform's values.
func fromProfile(f steps.Field, v string) steps.Field {
	if v == "" {
		return f
	}
	f.Derive = func(steps.Answers) string { return v }
	f.Sample = ""
	return f
}

// fromTemplate proposes a URL made from the profile's template once its fields are known.
func (g guide) fromTemplate(f steps.Field, t platform.Template) steps.Field {
	if t == "" {
		return f
	}
	p := g.p
	f.Derive = func(a steps.Answers) string { return p.Fill(t, a) }
	if ex := p.Fill(t, g.examples()); ex != "" {
		f.Sample = ex
	}
	return f
}

func (g guide) examples() steps.Answers {
	a := steps.Answers{}
	for _, f := range g.p.Fields {
		a[f.Key()] = f.Example
	}
	return a
}

func (g guide) policyFields() []steps.Field {
	privacy := steps.Field{
		Key:      "line.policy.privacy_policy_url",
		Label:    steps.T("Privacy policy URL", "プライバシーポリシーのURL"),
		Help:     g.words(steps.T("The privacy policy page of {platform}, starting with https://.", "{platform}のプライバシーポリシーのページ（https://で始まるアドレス）。")),
		Kind:     steps.KindURL,
		Validate: []steps.Validator{PolicyURL},
		Sample:   sample.PrivacyPolicyURL,
	}
	terms := steps.Field{
		Key:      "line.policy.terms_url",
		Label:    steps.T("Terms of use URL", "利用規約のURL"),
		Help:     g.words(steps.T("The terms of use page of {platform}, starting with https://.", "{platform}の利用規約のページ（https://で始まるアドレス）。")),
		Kind:     steps.KindURL,
		Validate: []steps.Validator{PolicyURL},
		Sample:   sample.TermsURL,
	}
	return []steps.Field{fromProfile(privacy, g.p.LINE.PrivacyPolicyURL), fromProfile(terms, g.p.LINE.TermsURL)}
}

// policyNote says which addresses to enter when the profile knows them.
func (g guide) policyNote() steps.Text {
	l := g.p.LINE
	if l.PrivacyPolicyURL == "" || l.TermsURL == "" {
		return g.words(steps.T("Ask {platform} for the addresses if you do not know them.", "アドレスが分からなければ{platform}に確認してください。"))
	}
	return g.words(steps.T(
		"For {platform} they are "+l.PrivacyPolicyURL+" (privacy policy) and "+l.TermsURL+" (terms of use); they are filled in below.",
		"{platform}の場合は"+l.PrivacyPolicyURL+"（プライバシーポリシー）と"+l.TermsURL+"（利用規約）です。下に入力済みです。"))
}

// platformFields are the values the profile's URL templates need, asked at the start.
func (g guide) platformFields() []steps.Field {
	var out []steps.Field
	for _, pf := range g.p.Fields {
		// Optional: a config or answers file gives the URLs themselves instead.
		f := steps.Field{Key: pf.Key(), Label: pf.Label, Help: pf.Help, Kind: steps.KindText, Placeholder: pf.Example, Sample: pf.Example, Optional: true}
		if f.Help.IsZero() {
			f.Help = g.words(steps.T("Used to make the URLs {platform} gives the shop.", "{platform}がショップに割り当てるURLを作るのに使います。"))
		}
		if re := pf.Pattern; re != nil {
			label := pf.Label
			f.Validate = []steps.Validator{func(v string, _ steps.Answers) *steps.Problem {
				if re.MatchString(v) {
					return nil
				}
				return steps.Errorf(steps.T("does not have the form "+g.p.Name.EN+" gives it"+example(pf.Example, " (for example ", ")")+".",
					"が"+g.p.Name.JA+"の決めた形になっていません"+example(pf.Example, "（例：", "）")+"。"),
					steps.T("Copy "+label.EN+" from "+g.p.Name.EN+" again.", g.p.Name.JA+"の"+label.JA+"をもう一度コピーしてください。"))
			}}
		}
		out = append(out, f)
	}
	return out
}

func example(v, open, close string) string {
	if v == "" {
		return ""
	}
	return open + v + close
}

// Steps. Each is declared once; both flows call the same constructor where the
// documented procedure repeats a step.

func (g guide) introStep(switching bool) *steps.Step {
	s := &steps.Step{
		ID:    "line.intro",
		Title: steps.T("Connect LINE", "LINEと連携する"),
		Fields: []steps.Field{
			accountNameField(),
			{
				Key:   FlowOAExists,
				Label: steps.T("The shop already has a LINE Official Account", "お店のLINE公式アカウントはすでにある"),
				Help:  steps.T("Yes skips creating one.", "「はい」なら作成の手順を飛ばします。"),
				Kind:  steps.KindConfirm,
			},
			{
				Key:   FlowVerified,
				Label: steps.T("The account is already verified (navy badge)", "アカウントは認証済み（紺色のバッジ）"),
				Help:  steps.T("Yes skips requesting verification. A grey badge means not verified.", "「はい」なら認証の申請を飛ばします。グレーのバッジは未認証です。"),
				Kind:  steps.KindConfirm,
			},
		},
	}
	if switching {
		s.Body = g.words(steps.T(
			"The shop already uses LINE with another service and moves to {platform}. The Official Account and its channels stay as they are: the wizard walks you through the settings to check and collects the values {cms} needs.\n\n"+
				"Keep a browser open next to this window. Each step says where to click in LINE's consoles; what you enter is checked at once.",
			"お店はすでに別のサービスでLINEを使っていて、{platform}に移ります。LINE公式アカウントとチャネルはそのまま使います。確認する設定を順に案内し、{cms}に必要な値を集めます。\n\n"+
				"このウィンドウの横にブラウザを開いておいてください。各手順でLINEの管理画面のどこを押すかを説明し、入力した値はその場で確認します。"))
		// In a switch the account exists by definition; only verification is asked.
		s.Fields = []steps.Field{s.Fields[0], s.Fields[2]}
	} else {
		s.Body = g.words(steps.T(
			"This wizard connects the shop's LINE Official Account to {platform}: the account, two channels in the LINE Developers console (Messaging API for messages, LINE Login for signing in with LINE) and the values {cms} needs.\n\n"+
				"Keep a browser open next to this window. Each step says where to click in LINE's consoles; what you enter is checked at once.",
			"お店のLINE公式アカウントを{platform}につなぎます。アカウント、LINE Developersコンソールの2つのチャネル（メッセージ用のMessaging API、LINEでログインするためのLINEログイン）、{cms}に必要な値を順に用意します。\n\n"+
				"このウィンドウの横にブラウザを開いておいてください。各手順でLINEの管理画面のどこを押すかを説明し、入力した値はその場で確認します。"))
	}
	s.Fields = append(s.Fields, g.platformFields()...)
	return s
}

func createOAStep() *steps.Step {
	return &steps.Step{
		ID:    "line.create_oa",
		Title: steps.T("Create the LINE Official Account", "LINE公式アカウントを作る"),
		Body: steps.T(
			"Open the entry page and press Create an account (アカウントを作成). You sign up with a Business ID, in one of two ways:\n"+
				"- Sign up with a LINE account (LINEアカウントで登録): log in with the shop's LINE account.\n"+
				"- Sign up with an e-mail address (メールアドレスで登録): enter the address, open the link LINE sends to it, then set a name and a password.\n"+
				"A new Business ID is confirmed by SMS: enter a mobile phone number and type the code it receives.\n\n"+
				"Then fill in the form:\n"+
				"- Account name (アカウント名): the shop's name, as entered at the start; friends see it.\n"+
				"- E-mail address (メールアドレス): where LINE sends notices about the account.\n"+
				"- Company or business location (会社・事業者の所在国・地域): Japan (日本).\n"+
				"- Company or business name (会社・事業者名).\n"+
				"- Industry (業種): a main and a sub category (大業種・小業種).\n"+
				"- Purpose (運用目的) and main use (主な使い方): as fits the shop.\n"+
				"Press Confirm (確認), check the values, and press Done (完了). The account exists at once and from then on is managed in LINE Official Account Manager.",
			"作成ページを開き、「アカウントを作成」を押します。登録はビジネスIDで行い、方法は次の2つです。\n"+
				"-「LINEアカウントで登録」：お店のLINEアカウントでログインします。\n"+
				"-「メールアドレスで登録」：メールアドレスを入力し、LINEから届くメールのリンクを開いて、名前とパスワードを設定します。\n"+
				"新しいビジネスIDはSMSで確認されます。携帯電話の番号を入力し、届いた認証番号を入力してください。\n\n"+
				"続けてフォームに記入します。\n"+
				"-「アカウント名」：最初に入力したお店の名前。友だちに表示されます。\n"+
				"-「メールアドレス」：アカウントについてのお知らせが届くアドレス。\n"+
				"-「会社・事業者の所在国・地域」：日本。\n"+
				"- 「会社・事業者名」。\n"+
				"-「業種」：大業種と小業種。\n"+
				"-「運用目的」と「主な使い方」：お店に合うもの。\n"+
				"「確認」を押して内容を確かめ、「完了」を押します。アカウントはすぐに作られ、以後はLINE公式アカウントマネージャーで管理します。"),
		Links:   []steps.Link{linkEntry, linkManager},
		Confirm: steps.T("I created the LINE Official Account", "LINE公式アカウントを作成した"),
		Skip:    func(a steps.Answers) bool { return a.Bool(FlowOAExists) },
	}
}

func verifyAccountStep() *steps.Step {
	return &steps.Step{
		ID:    "line.verify_account",
		Title: steps.T("Request account verification", "アカウントの認証を申請する"),
		Body: steps.T(
			"A verified account has a navy badge next to its name; an account that is not verified has a grey one. Customers can find only verified accounts by searching in LINE.\n\n"+
				"In LINE Official Account Manager open Settings (設定) > Account settings (アカウント設定). Under Publishing information (情報の公開), next to Verification status (認証ステータス), press Request account verification (アカウント認証をリクエスト).\n\n"+
				"In the form, choose the application type (申し込みタイプ) that fits the shop: Shop (店舗) for a salon or shop that customers visit, Online shop (オンラインショップ) for a shop only on the web. Fill in the shop's details, press Confirm (確認) and send.\n\n"+
				"LINE reviews the request and answers by e-mail; you need not wait, carry on. Once the channel access token is entered, the wizard asks LINE whether the account is verified; until it is, that is only a warning.",
			"認証済アカウントは名前の横に紺色のバッジが付き、未認証のアカウントはグレーのバッジです。LINEの検索でお客様に見つけてもらえるのは認証済アカウントだけです。\n\n"+
				"LINE公式アカウントマネージャーで「設定」＞「アカウント設定」を開き、「情報の公開」の「認証ステータス」で「アカウント認証をリクエスト」を押します。\n\n"+
				"フォームの「申し込みタイプ」はお店に合うものを選びます。お客様が来店するサロンやお店なら「店舗」、ウェブだけのお店なら「オンラインショップ」です。お店の情報を入力し、「確認」を押して送信します。\n\n"+
				"LINEの審査結果はメールで届きます。待たずに次へ進めます。チャネルアクセストークンを入力した後、認証済かどうかをLINEに確認します。認証されるまでは警告として表示するだけです。"),
		Links:   []steps.Link{linkManager},
		Confirm: steps.T("I requested verification, or the badge is already navy", "認証を申請した（またはバッジがすでに紺色）"),
		Skip:    func(a steps.Answers) bool { return a.Bool(FlowVerified) },
	}
}

func chatOnStep() *steps.Step {
	return &steps.Step{
		ID:    "line.chat_on",
		Title: steps.T("Switch Chat on", "チャットをオンにする"),
		Body: steps.T(
			"In LINE Official Account Manager open Settings (設定) > Response settings (応答設定) and switch Chat (チャット) on.\n\n"+
				"With Chat off the account runs in bot mode and the shop cannot answer customers from the chat screen. Once the channel access token is entered, the wizard reads this setting from LINE and sends you back here if it is still off.",
			"LINE公式アカウントマネージャーで「設定」＞「応答設定」を開き、「チャット」をオンにします。\n\n"+
				"チャットがオフだとアカウントはボットモードになり、チャット画面からお客様に返信できません。チャネルアクセストークンを入力した後、この設定をLINEから読み取り、オフのままならこの手順に戻るよう案内します。"),
		Links:   []steps.Link{linkManager},
		Confirm: steps.T("I switched Chat on", "チャットをオンにした"),
	}
}

func developersRegisterStep() *steps.Step {
	return &steps.Step{
		ID:    "line.developers_register",
		Title: steps.T("Register at LINE Developers", "LINE Developersに登録する"),
		Body: steps.T(
			"Open the LINE Developers console and log in with the same LINE account or Business ID that manages the Official Account.\n\n"+
				"The first time, the console asks for a developer name and an e-mail address. Agree to the LINE Developers Agreement and press Create my account.",
			"LINE Developersコンソールを開き、LINE公式アカウントを管理しているのと同じLINEアカウントかビジネスIDでログインします。\n\n"+
				"初めての場合は開発者名とメールアドレスを聞かれます。LINE開発者契約に同意して「アカウントを作成」を押します。"),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("I can see the LINE Developers console", "LINE Developersコンソールが表示された"),
	}
}

func providerStep() *steps.Step {
	return &steps.Step{
		ID:    "line.provider",
		Title: steps.T("Create a provider", "プロバイダーを作る"),
		Body: steps.T(
			"A provider is the company or person offering the service. Customers see its name when they log in with LINE, so use the real name of the company or the shop.\n\n"+
				"On the console's home page, under Providers (プロバイダー), press Create (作成), enter the name and press Create.\n\n"+
				"If the shop already has a provider, use that one: the Messaging API channel and the LINE Login channel must be under the same provider.",
			"プロバイダーはサービスを提供する会社や個人です。お客様がLINEでログインするときに名前が表示されるので、会社やお店の正式な名前にしてください。\n\n"+
				"コンソールのホームの「プロバイダー」で「作成」を押し、名前を入力して「作成」を押します。\n\n"+
				"お店のプロバイダーがすでにあれば、それを使ってください。Messaging APIチャネルとLINEログインチャネルは同じプロバイダーの下に作る必要があります。"),
		Links: []steps.Link{linkConsole},
		Fields: []steps.Field{{
			Key:      "line.provider_name",
			Label:    steps.T("Provider name", "プロバイダー名"),
			Help:     steps.T("As entered in the console.", "コンソールに入力したとおりに。"),
			Kind:     steps.KindText,
			Validate: []steps.Validator{ProviderName},
			Sample:   sample.ProviderName,
		}},
		Confirm: steps.T("The provider exists in the console", "コンソールにプロバイダーがある"),
	}
}

func (g guide) messagingAPIStep() *steps.Step {
	note := g.policyNote()
	return &steps.Step{
		ID:    "line.messaging_api",
		Title: steps.T("Enable the Messaging API", "Messaging APIを有効にする"),
		Body: g.words(steps.T(
			"In LINE Official Account Manager open Settings (設定) > Messaging API and press Enable Messaging API (Messaging APIを利用する).\n\n"+
				"Choose the provider from the previous step. Then enter the privacy policy and terms of use pages of {platform}, not the shop's own: customers agree to them when they use the platform's LINE features. "+note.EN+" Press OK to confirm.\n\n"+
				"This creates the Messaging API channel; it appears under the provider in the LINE Developers console.",
			"LINE公式アカウントマネージャーで「設定」＞「Messaging API」を開き、「Messaging APIを利用する」を押します。\n\n"+
				"前の手順のプロバイダーを選びます。続けて「プライバシーポリシー」と「利用規約」に、お店のものではなく{platform}のページを入力します。お客様が{platform}のLINEの機能を使うときに同意するものです。"+note.JA+"「OK」を押して確定します。\n\n"+
				"これでMessaging APIチャネルが作られ、LINE Developersコンソールのプロバイダーの下に表示されます。")),
		Links:   []steps.Link{linkManager},
		Fields:  g.policyFields(),
		Confirm: steps.T("I enabled the Messaging API", "Messaging APIを有効にした"),
		Warn: steps.T(
			"The provider cannot be changed later. Choose the one you created in the previous step: the LINE Login channel has to be under the same provider.",
			"プロバイダーは後から変更できません。前の手順で作ったプロバイダーを選んでください。LINEログインチャネルも同じプロバイダーの下に作ります。"),
	}
}

func (g guide) policyURLsStep() *steps.Step {
	note := g.policyNote()
	return &steps.Step{
		ID:    "line.policy_urls",
		Title: steps.T("Set the privacy policy and terms URLs", "プライバシーポリシーと利用規約のURLを設定する"),
		Body: g.words(steps.T(
			"In the LINE Developers console open the shop's Messaging API channel and its Basic settings tab (チャネル基本設定).\n\n"+
				"Set Privacy policy URL (プライバシーポリシーURL) and Terms of use URL (サービス利用規約URL) to the pages of {platform}: press Edit (編集), paste, and press Update (更新). "+note.EN+" The old service's addresses must not stay there.",
			"LINE Developersコンソールでお店のMessaging APIチャネルを開き、「チャネル基本設定」タブを表示します。\n\n"+
				"「プライバシーポリシーURL」と「サービス利用規約URL」を{platform}のページに変えます。「編集」を押して貼り付け、「更新」を押します。"+note.JA+"以前のサービスのアドレスを残さないでください。")),
		Links:   []steps.Link{linkConsole},
		Fields:  g.policyFields(),
		Confirm: steps.T("Both URLs are set in the console", "2つのURLをコンソールに設定した"),
	}
}

var warnPublish = steps.T(
	"Publishing cannot be undone: the channel never goes back to Developing. Make sure it is the LINE Login channel (not the Messaging API channel) before you publish.",
	"公開は取り消せません。チャネルは「開発中」に戻せません。公開する前に、Messaging APIチャネルではなくLINEログインチャネルであることを確かめてください。")

// linkedOA is how the LINE Login channel is tied to the Official Account.
var linkedOA = steps.T(
	"Then, in the new channel's Basic settings tab (チャネル基本設定), under Linked LINE Official Account (リンクされたLINE公式アカウント), press Edit (編集), choose the shop's account and press Update (更新). Without the link, LINE Login cannot offer customers the account as a friend.",
	"続けて、作ったチャネルの「チャネル基本設定」タブの「リンクされたLINE公式アカウント」で「編集」を押し、お店のアカウントを選んで「更新」を押します。リンクしないと、LINEログインのときにお客様へ友だち追加を案内できません。")

func (g guide) loginChannelStep() *steps.Step {
	return &steps.Step{
		ID:    "line.login_channel",
		Title: steps.T("Create the LINE Login channel", "LINEログインチャネルを作る"),
		Body: g.words(steps.T(
			"In the LINE Developers console open the provider that holds the Messaging API channel and press Create a new channel (新規チャネル作成) > LINE Login (LINEログイン). Fill in the form:\n"+
				"- Region to provide the service (サービスを提供する地域): Japan (日本).\n"+
				"- Company or owner's country or region (会社・事業者の所在国・地域): Japan (日本).\n"+
				"- Channel icon (チャネルアイコン): optional; the Official Account's icon is a good choice.\n"+
				"- Channel name (チャネル名): exactly the Official Account's name, as entered at the start.\n"+
				"- Channel description (チャネル説明): a line about the shop; customers see it when they sign up with LINE.\n"+
				"- App types (アプリタイプ): tick Web app (ウェブアプリ) only.\n"+
				"- Require two-factor authentication (2要素認証の必須化): leave it off unless the shop needs it.\n"+
				"- E-mail address (メールアドレス): filled in with yours; keep it.\n"+
				"- Privacy policy URL and Terms of use URL: optional; you may enter those of {platform}.\n"+
				"Agree to the LINE Developers Agreement (LINE開発者契約) and press Create (作成).\n\n"+
				linkedOA.EN,
			"LINE Developersコンソールで、Messaging APIチャネルがあるプロバイダーを開き、「新規チャネル作成」＞「LINEログイン」を押します。フォームに次のとおり入力します。\n"+
				"-「サービスを提供する地域」：日本。\n"+
				"-「会社・事業者の所在国・地域」：日本。\n"+
				"-「チャネルアイコン」：任意。公式アカウントのアイコンがおすすめです。\n"+
				"-「チャネル名」：最初に入力した公式アカウントの名前と同じにします。\n"+
				"-「チャネル説明」：お店の短い説明。お客様がLINEで会員登録するときに表示されます。\n"+
				"-「アプリタイプ」：「ウェブアプリ」だけにチェックを入れます。\n"+
				"-「2要素認証の必須化」：必要がなければオフのままにします。\n"+
				"-「メールアドレス」：ご自身のアドレスが入っています。そのままで構いません。\n"+
				"-「プライバシーポリシーURL」と「サービス利用規約URL」：任意。{platform}のものを入れても構いません。\n"+
				"「LINE開発者契約」に同意して「作成」を押します。\n\n"+
				linkedOA.JA)),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("I created the LINE Login channel and linked the Official Account", "LINEログインチャネルを作り、公式アカウントをリンクした"),
		Warn: steps.T(
			"Create it under the same provider as the Messaging API channel; otherwise the Official Account cannot be linked and customers cannot be offered it as a friend when they log in.",
			"Messaging APIチャネルと同じプロバイダーの下に作ってください。違うと公式アカウントをリンクできず、ログイン時に友だち追加を案内できません。"),
	}
}

func publishLoginStep() *steps.Step {
	return &steps.Step{
		ID:    "line.publish_login",
		Title: steps.T("Publish the LINE Login channel", "LINEログインチャネルを公開する"),
		Body: steps.T(
			"A new LINE Login channel is Developing (開発中): only its developers can log in with it, customers cannot.\n\n"+
				"Open the LINE Login channel in the LINE Developers console. At the top, next to the channel name, press Developing (開発中) and then Publish (公開).\n\n"+
				"No API can tell whether a channel is published, so this step is confirmed by you.",
			"作ったばかりのLINEログインチャネルは「開発中」で、ログインできるのは開発者だけです。お客様はログインできません。\n\n"+
				"LINE DevelopersコンソールでLINEログインチャネルを開き、上部のチャネル名の横にある「開発中」を押して「公開」を選びます。\n\n"+
				"公開されているかどうかはAPIでは確認できないため、この手順はご自身で確認してください。"),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("The LINE Login channel shows Published", "LINEログインチャネルが「公開済み」になった"),
		Warn:    warnPublish,
	}
}

func loginSettingsStep() *steps.Step {
	return &steps.Step{
		ID:    "line.login_settings",
		Title: steps.T("Check the LINE Login channel", "LINEログインチャネルを確認する"),
		Body: steps.T(
			"Open the shop's LINE Login channel in the LINE Developers console.\n\n"+
				"At the top, next to the channel name, the status must be Published (公開済み). If it says Developing (開発中), press it and choose Publish (公開).\n\n"+
				"In the LINE Login tab (LINEログイン設定): Use LINE Login in your web app (ウェブアプリでLINEログインを利用する) ON, Use LINE Login in your mobile app (ネイティブアプリでLINEログインを利用する) OFF.\n\n"+
				"In the Basic settings tab (チャネル基本設定), Linked LINE Official Account (リンクされたLINE公式アカウント) must be the shop's account.\n\n"+
				"No API can read these settings, so this step is confirmed by you.",
			"LINE Developersコンソールでお店のLINEログインチャネルを開きます。\n\n"+
				"上部のチャネル名の横のステータスが「公開済み」であることを確かめます。「開発中」なら、押して「公開」を選びます。\n\n"+
				"「LINEログイン設定」タブで、「ウェブアプリでLINEログインを利用する」をオン、「ネイティブアプリでLINEログインを利用する」をオフにします。\n\n"+
				"「チャネル基本設定」タブの「リンクされたLINE公式アカウント」がお店のアカウントであることを確かめます。\n\n"+
				"これらの設定はAPIでは読み取れないため、この手順はご自身で確認してください。"),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("Published, web app ON, native app OFF, account linked", "公開済み、ウェブアプリはオン、ネイティブアプリはオフ、アカウントをリンク済み"),
		Warn:    warnPublish,
	}
}

func collectStep() *steps.Step {
	return &steps.Step{
		ID:    "line.collect",
		Title: steps.T("Collect the channel values", "チャネルの値を集める"),
		Body: steps.T(
			"Where each value is:\n"+
				"- Channel access token (long-lived): Messaging API channel > Messaging API tab (Messaging API設定), at the bottom under Channel access token (long-lived) (チャネルアクセストークン（長期）). Press Issue (発行) and copy it. If one is shown already, copy it; do not press Reissue (再発行) while another system still uses it.\n"+
				"- Channel secret: Messaging API channel > Basic settings tab (チャネル基本設定) > Channel secret (チャネルシークレット).\n"+
				"- Add-friend URL: in LINE Official Account Manager, Home > Gain friends (友だちを増やす) > Add friend guide (友だち追加ガイド) > Create URL (URLを作成), and copy the URL (https://lin.ee/…).\n"+
				"- LINE Login channel ID and secret: LINE Login channel > Basic settings tab (チャネル基本設定) > Channel ID (チャネルID) and Channel secret (チャネルシークレット).\n\n"+
				"Each value is checked with LINE as soon as the step is passed: the token, that the secret belongs to the token's channel, Chat, whether the account is verified (a warning only), the add-friend URL and the LINE Login pair.",
			"それぞれの値の場所：\n"+
				"-チャネルアクセストークン（長期）：Messaging APIチャネル＞「Messaging API設定」タブの一番下、「チャネルアクセストークン（長期）」。「発行」を押してコピーします。すでに表示されていればそれをコピーし、他のシステムが使っている間は「再発行」を押さないでください。\n"+
				"-チャネルシークレット：Messaging APIチャネル＞「チャネル基本設定」タブ＞「チャネルシークレット」。\n"+
				"-友だち追加URL：LINE公式アカウントマネージャーのホーム＞「友だちを増やす」＞「友だち追加ガイド」＞「URLを作成」で、URL（https://lin.ee/…）をコピーします。\n"+
				"- LINEログインのチャネルIDとチャネルシークレット：LINEログインチャネル＞「チャネル基本設定」タブ＞「チャネルID」と「チャネルシークレット」。\n\n"+
				"この手順を終えるとすぐ、LINEに確認します。トークン、シークレットがトークンと同じチャネルのものか、チャット、アカウントが認証済みか（警告のみ）、友だち追加URL、LINEログインのIDとシークレットの組です。"),
		Links: []steps.Link{linkConsole, linkManager},
		Fields: []steps.Field{
			{
				Key:      "line.messaging_api.channel_access_token",
				Label:    steps.T("Channel access token (long-lived)", "チャネルアクセストークン（長期）"),
				Help:     steps.T("Messaging API channel > Messaging API tab, at the bottom.", "Messaging APIチャネル＞「Messaging API設定」タブの一番下。"),
				Kind:     steps.KindSecret,
				Validate: []steps.Validator{ChannelAccessToken},
				Env:      "LINE_CHANNEL_ACCESS_TOKEN",
				Sample:   sample.ChannelAccessToken,
			},
			{
				Key:      keyChannelSecret,
				Label:    steps.T("Channel secret (Messaging API)", "チャネルシークレット（Messaging API）"),
				Help:     steps.T("Messaging API channel > Basic settings tab.", "Messaging APIチャネル＞「チャネル基本設定」タブ。"),
				Kind:     steps.KindSecret,
				Validate: []steps.Validator{ChannelSecret},
				Env:      "LINE_CHANNEL_SECRET",
				Sample:   sample.ChannelSecret,
			},
			{
				Key:      "line.messaging_api.add_friend_url",
				Label:    steps.T("Add-friend URL", "友だち追加URL"),
				Help:     steps.T("Gain friends > Add friend guide > Create URL: https://lin.ee/… (or https://line.me/R/ti/p/%40…).", "「友だちを増やす」＞「友だち追加ガイド」＞「URLを作成」：https://lin.ee/…（またはhttps://line.me/R/ti/p/%40…）"),
				Kind:     steps.KindURL,
				Validate: []steps.Validator{AddFriendURL},
				Sample:   sample.AddFriendURL,
			},
			{
				Key:      keyLoginChannelID,
				Label:    steps.T("Channel ID (LINE Login)", "チャネルID（LINEログイン）"),
				Help:     steps.T("LINE Login channel > Basic settings tab.", "LINEログインチャネル＞「チャネル基本設定」タブ。"),
				Kind:     steps.KindText,
				Validate: []steps.Validator{LoginChannelID},
				Sample:   sample.LoginChannelID,
			},
			{
				Key:      keyLoginChannelSecret,
				Label:    steps.T("Channel secret (LINE Login)", "チャネルシークレット（LINEログイン）"),
				Help:     steps.T("LINE Login channel > Basic settings tab.", "LINEログインチャネル＞「チャネル基本設定」タブ。"),
				Kind:     steps.KindSecret,
				Validate: []steps.Validator{LoginChannelSecret},
				Env:      "LINE_LOGIN_CHANNEL_SECRET",
				Sample:   sample.LoginChannelSecret,
			},
		},
		Checks: []string{"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.login.secret"},
	}
}

func (g guide) cmsStep() *steps.Step {
	c := g.cms()
	save := steps.T("Save the settings in {cms}.", "{cms}で設定を保存します。")
	if !c.NextButton.IsZero() {
		save = steps.T("Press "+c.NextButton.EN+".", c.NextButton.JA+"を押します。")
		if !c.SavedMessage.IsZero() {
			save = steps.T(save.EN+" When {cms} has saved, it shows "+c.SavedMessage.EN+" at the top of the page.",
				save.JA+"保存されると、ページの上部に「"+c.SavedMessage.JA+"」と表示されます。")
		}
		if !c.BackButton.IsZero() {
			save = steps.T(save.EN+" Then press "+c.BackButton.EN+".", save.JA+"続けて"+c.BackButton.JA+"を押します。")
		}
	}
	return &steps.Step{
		ID:    "line.cms",
		Title: g.words(steps.T("Enter the values in {cms}", "{cms}に値を入力する")),
		Body: g.words(steps.T(
			"Open {where}. Paste the six values listed here, each into the field of the same name: account name, channel access token, channel secret, add-friend URL, LINE Login channel ID and LINE Login channel secret. Copy them one at a time from this screen.\n\n"+
				save.EN+"\n\n"+
				"The wizard writes its config file when you leave this step.",
			"{where}を開き、ここに並んだ6つの値を同じ名前の欄に貼り付けます：アカウント名、チャネルアクセストークン、チャネルシークレット、友だち追加URL、LINEログインのチャネルID、LINEログインのチャネルシークレット。この画面から1つずつコピーしてください。\n\n"+
				save.JA+"\n\n"+
				"この手順を終えると、ウィザードが設定ファイルを書き出します。")),
		Handover: true,
		Confirm:  g.words(steps.T("I pasted the six values into {cms} and it saved them", "6つの値を{cms}に貼り付けて保存した")),
	}
}

func (g guide) webhookStep() *steps.Step {
	c := g.cms()
	first := steps.T(
		"Once saved, {cms} shows a webhook URL: LINE sends the messages customers write to that address. Enter it here.",
		"保存すると{cms}にWebhook URLが表示されます。お客様が書いたメッセージをLINEが届ける先です。ここに入力してください。")
	if c.WebhookAfterSave {
		saved := steps.T("it has saved the values", "値を保存してから")
		if !c.SavedMessage.IsZero() {
			saved = steps.T("it has shown "+c.SavedMessage.EN, "「"+c.SavedMessage.JA+"」と表示されてから")
		}
		first = steps.T(first.EN+" Set it only after {cms} says "+saved.EN+": until then it does not hold the channel secret and would refuse LINE's test.",
			first.JA+"設定は、{cms}に"+saved.JA+"にしてください。それまではチャネルシークレットを持っていないため、LINEのテストを受け付けません。")
	}
	webhook := steps.Field{
		Key:      keyWebhookURL,
		Label:    steps.T("Webhook URL", "Webhook URL"),
		Help:     g.words(steps.T("From {where}, starting with https://.", "{where}に表示される、https://で始まるアドレス。")),
		Kind:     steps.KindURL,
		Validate: []steps.Validator{WebhookURL},
		Sample:   sample.WebhookURL,
	}
	return &steps.Step{
		ID:    "line.webhook",
		Title: steps.T("Set the webhook URL", "Webhook URLを設定する"),
		Body: g.words(steps.T(
			first.EN+"\n\n"+
				"With your consent the wizard writes it into the Messaging API channel for you. Otherwise, in the LINE Developers console open the Messaging API channel's Messaging API tab (Messaging API設定), press Edit (編集) under Webhook URL, paste it and press Update (更新).\n\n"+
				"Then switch Use webhook (Webhookの利用) on in the same tab: only the console can switch it, no API can. LINE takes up to a minute to apply a change; the wizard waits for it, then sends a test message to the address.",
			first.JA+"\n\n"+
				"同意いただければ、ウィザードがMessaging APIチャネルに書き込みます。自分で設定する場合は、LINE DevelopersコンソールでMessaging APIチャネルの「Messaging API設定」タブを開き、「Webhook URL」の「編集」を押して貼り付け、「更新」を押します。\n\n"+
				"続けて同じタブの「Webhookの利用」をオンにします。これはコンソールでしか切り替えられず、APIではできません。LINEが変更を反映するまで最大1分かかるため、ウィザードは反映を待ってからテストのメッセージを送ります。")),
		Links: []steps.Link{linkConsole},
		Fields: []steps.Field{
			g.fromTemplate(webhook, g.p.LINE.WebhookURL),
			{
				Key:    FlowSetWebhook,
				Label:  steps.T("Let the wizard write the webhook URL into the channel", "Webhook URLをウィザードがチャネルに書き込む"),
				Help:   steps.T("No means you paste it in the console yourself.", "「いいえ」なら、ご自身でコンソールに貼り付けます。"),
				Kind:   steps.KindConfirm,
				Derive: func(steps.Answers) string { return "true" },
			},
		},
		Checks: []string{"line.webhook.set", "line.webhook.active", "line.webhook.test"},
		Warn: steps.T(
			"A channel has one webhook URL. If another service still receives this account's messages, it stops receiving them once this URL is saved.",
			"Webhook URLはチャネルに1つだけです。別のサービスがこのアカウントのメッセージを受け取っている場合、このURLを保存した時点で届かなくなります。"),
	}
}

func (g guide) callbackStep() *steps.Step {
	callback := steps.Field{
		Key:      keyCallbackURL,
		Label:    steps.T("Callback URL", "コールバックURL"),
		Help:     g.words(steps.T("From {where}; not the webhook URL.", "{where}から。Webhook URLとは別のものです。")),
		Kind:     steps.KindURL,
		Validate: []steps.Validator{CallbackURL},
		Sample:   sample.CallbackURL,
	}
	return &steps.Step{
		ID:    "line.callback",
		Title: steps.T("Set the callback URL", "コールバックURLを設定する"),
		Body: g.words(steps.T(
			"{Cms} also shows a callback URL for LINE Login: after logging in, customers return to that address. Enter it here.\n\n"+
				"In the LINE Developers console open the LINE Login channel and its LINE Login tab (LINEログイン設定). Press Edit (編集) under Callback URL (コールバックURL), add the address on a line of its own, keep any others, and press Update (更新).\n\n"+
				"It must match letter for letter; the wizard then asks LINE about the address.\n\n"+
				"Last, if {platform} uses customers' e-mail addresses: in the LINE Login channel's Basic settings tab (チャネル基本設定), under OpenID Connect, press Apply (申請) next to Email address permission (メールアドレス取得権限), agree to the terms and upload a screenshot of the screen that tells customers how their address is used. Until LINE grants it, LINE Login gives no e-mail address.",
			"{cms}にはLINEログイン用のコールバックURLも表示されます。ログインしたお客様が戻ってくるアドレスです。ここに入力してください。\n\n"+
				"LINE DevelopersコンソールでLINEログインチャネルを開き、「LINEログイン設定」タブの「コールバックURL」で「編集」を押します。アドレスを1行で追加し（ほかの行は残します）、「更新」を押します。\n\n"+
				"1文字でも違うと使えません。入力後、ウィザードがこのアドレスについてLINEに確認します。\n\n"+
				"最後に、{platform}がお客様のメールアドレスを使う場合：LINEログインチャネルの「チャネル基本設定」タブの「OpenID Connect」で、「メールアドレス取得権限」の「申請」を押し、規約に同意して、メールアドレスの使い道をお客様に説明する画面のスクリーンショットをアップロードします。許可されるまで、LINEログインではメールアドレスを受け取れません。")),
		Links:  []steps.Link{linkConsole},
		Fields: []steps.Field{g.fromTemplate(callback, g.p.LINE.CallbackURL)},
		Checks: []string{"line.login.callback"},
	}
}

// FlowNew is the first-time flow for the generic platform: intro and the 12 documented steps.
func FlowNew() *steps.Flow { return FlowNewFor(nil) }

// FlowNewFor is the first-time flow worded and filled for platform p (nil: generic).
func FlowNewFor(p *platform.Profile) *steps.Flow {
	g := newGuide(p)
	return &steps.Flow{
		ID:       FlowNewID,
		Provider: "line",
		Title:    g.title(steps.T("LINE: first-time setup", "LINE：はじめての設定")),
		Preset:   steps.Answers{"line.flow": "new"},
		Learnt:   learntValues,
		Steps: []*steps.Step{
			g.introStep(false),
			createOAStep(),           // ①
			verifyAccountStep(),      // ②
			chatOnStep(),             // ③
			developersRegisterStep(), // ④
			providerStep(),           // ⑤
			g.messagingAPIStep(),     // ⑥
			g.loginChannelStep(),     // ⑦
			publishLoginStep(),       // ⑧
			collectStep(),            // ⑨
			g.cmsStep(),              // ⑩
			g.webhookStep(),          // ⑪
			g.callbackStep(),         // ⑫
		},
	}
}

// FlowSwitch moves a shop that already uses LINE with another service: intro and the 8
// documented steps (generic platform).
func FlowSwitch() *steps.Flow { return FlowSwitchFor(nil) }

// FlowSwitchFor is the switching flow worded and filled for platform p (nil: generic).
func FlowSwitchFor(p *platform.Profile) *steps.Flow {
	g := newGuide(p)
	return &steps.Flow{
		ID:       FlowSwitchID,
		Provider: "line",
		Title:    g.title(steps.T("LINE: switching from another service", "LINE：他のサービスからの切り替え")),
		Preset:   steps.Answers{"line.flow": "switch"},
		Learnt:   learntValues,
		Steps: []*steps.Step{
			g.introStep(true),
			verifyAccountStep(), // ①
			g.policyURLsStep(),  // ②
			loginSettingsStep(), // ③
			chatOnStep(),        // ④
			collectStep(),       // ⑤
			g.cmsStep(),         // ⑥
			g.webhookStep(),     // ⑦
			g.callbackStep(),    // ⑧
		},
	}
}

// title names the platform after the flow's title, unless it is the generic one.
func (g guide) title(t steps.Text) steps.Text {
	if g.p.IsGeneric() {
		return t
	}
	return steps.T(t.EN+" ("+g.p.Name.EN+")", t.JA+"（"+g.p.Name.JA+"）")
}

// Flows lists the LINE flows, first time first.
func Flows() []*steps.Flow { return FlowsFor(nil) }

// FlowsFor lists the LINE flows for platform p.
func FlowsFor(p *platform.Profile) []*steps.Flow {
	return []*steps.Flow{FlowNewFor(p), FlowSwitchFor(p)}
}

// FlowByID returns the LINE flow with id, or nil.
func FlowByID(id string) *steps.Flow { return FlowByIDFor(id, nil) }

// FlowByIDFor returns the LINE flow with id for platform p, or nil.
func FlowByIDFor(id string, p *platform.Profile) *steps.Flow {
	for _, f := range FlowsFor(p) {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// learntValues are the values the checks find out: the Messaging API channel ID behind the
// token, which the platform's CMS asks for too.
var learntValues = map[string]steps.Text{
	"line.messaging_api.channel_id": steps.T("Messaging API channel ID", "Messaging APIのチャネルID"),
}

// Package line holds the LINE flows (first time, switching from another service), their
// validators, live checks and API access.
package line

import (
	"github.com/setup-wizard/setup-wizard/internal/sample"
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

func policyFields() []steps.Field {
	return []steps.Field{
		{
			Key:      "line.policy.privacy_policy_url",
			Label:    steps.T("Privacy policy URL", "プライバシーポリシーのURL"),
			Help:     steps.T("The platform's privacy policy page, starting with https://.", "プラットフォームのプライバシーポリシーのページ（https:// で始まるアドレス）。"),
			Kind:     steps.KindURL,
			Validate: []steps.Validator{PolicyURL},
			Sample:   sample.PrivacyPolicyURL,
		},
		{
			Key:      "line.policy.terms_url",
			Label:    steps.T("Terms of use URL", "利用規約のURL"),
			Help:     steps.T("The platform's terms of use page, starting with https://.", "プラットフォームの利用規約のページ（https:// で始まるアドレス）。"),
			Kind:     steps.KindURL,
			Validate: []steps.Validator{PolicyURL},
			Sample:   sample.TermsURL,
		},
	}
}

// Steps. Each is declared once; both flows call the same constructor where the
// documented procedure repeats a step.

func introStep(switching bool) *steps.Step {
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
		s.Body = steps.T(
			"The shop already uses LINE with another service and moves to this platform. The Official Account and its channels stay as they are: the wizard walks you through the settings to check and collects the values the CMS needs.\n\n"+
				"Keep a browser open next to this window. Each step says where to click in LINE's consoles; what you enter is checked at once.",
			"お店はすでに別のサービスでLINEを使っていて、このプラットフォームに移ります。LINE公式アカウントとチャネルはそのまま使います。確認する設定を順に案内し、CMSに必要な値を集めます。\n\n"+
				"このウィンドウの横にブラウザを開いておいてください。各手順でLINEの管理画面のどこを押すかを説明し、入力した値はその場で確認します。")
		// In a switch the account exists by definition; only verification is asked.
		s.Fields = []steps.Field{s.Fields[0], s.Fields[2]}
	} else {
		s.Body = steps.T(
			"This wizard connects the shop's LINE Official Account to the platform: the account, two channels in the LINE Developers console (Messaging API for messages, LINE Login for signing in with LINE) and the values the CMS needs.\n\n"+
				"Keep a browser open next to this window. Each step says where to click in LINE's consoles; what you enter is checked at once.",
			"お店のLINE公式アカウントをプラットフォームにつなぎます。アカウント、LINE Developersコンソールの2つのチャネル（メッセージ用のMessaging API、LINEでログインするためのLINEログイン）、CMSに必要な値を順に用意します。\n\n"+
				"このウィンドウの横にブラウザを開いておいてください。各手順でLINEの管理画面のどこを押すかを説明し、入力した値はその場で確認します。")
	}
	return s
}

func createOAStep() *steps.Step {
	return &steps.Step{
		ID:    "line.create_oa",
		Title: steps.T("Create the LINE Official Account", "LINE公式アカウントを作る"),
		Body: steps.T(
			"Open the entry page and sign in with a LINE account or an e-mail address; this gives you a Business ID.\n\n"+
				"Fill in the form: the account name (the shop's name, as you entered it), the company or shop, the industry and an e-mail address. Send it; the account is created right away.\n\n"+
				"From then on the account is managed in LINE Official Account Manager.",
			"作成ページを開き、LINEアカウントかメールアドレスでログインします（ビジネスIDが作られます）。\n\n"+
				"フォームに、アカウント名（入力したお店の名前）、会社名や店名、業種、メールアドレスを入れて送信します。アカウントはすぐに作られます。\n\n"+
				"以後、アカウントはLINE公式アカウントマネージャーで管理します。"),
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
				"In LINE Official Account Manager open Settings > Account settings, and next to the verification status press Request. Fill in the form about the shop and send it.\n\n"+
				"LINE reviews the request and answers by e-mail. You need not wait: carry on with the next step. No API can tell whether the account is verified, so this step is confirmed by you.",
			"認証済アカウントは名前の横に紺色のバッジが付き、未認証のアカウントはグレーのバッジです。LINEの検索でお客様に見つけてもらえるのは認証済アカウントだけです。\n\n"+
				"LINE公式アカウントマネージャーで「設定」＞「アカウント設定」を開き、認証ステータスの「申請」を押します。お店についてのフォームに記入して送信します。\n\n"+
				"LINEの審査結果はメールで届きます。待たずに次の手順へ進めます。認証済かどうかはAPIでは確認できないため、この手順はご自身で確認してください。"),
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
			"In LINE Official Account Manager open Settings > Response settings and switch Chat on.\n\n"+
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
				"初めての場合は開発者名とメールアドレスを聞かれます。LINE Developers Agreementに同意して「アカウントを作成」を押します。"),
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
				"On the console's home page, under Providers, press Create, enter the name and press Create.\n\n"+
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

func messagingAPIStep() *steps.Step {
	return &steps.Step{
		ID:    "line.messaging_api",
		Title: steps.T("Enable the Messaging API", "Messaging APIを有効にする"),
		Body: steps.T(
			"In LINE Official Account Manager open Settings > Messaging API and press Enable Messaging API.\n\n"+
				"Choose the provider from the previous step. Enter the platform's privacy policy URL and terms of use URL (and enter them here too), then confirm.\n\n"+
				"This creates the Messaging API channel; it appears under the provider in the LINE Developers console.",
			"LINE公式アカウントマネージャーで「設定」＞「Messaging API」を開き、「Messaging APIを利用する」を押します。\n\n"+
				"前の手順のプロバイダーを選びます。プラットフォームのプライバシーポリシーと利用規約のURLを入力し（ここにも入力してください）、確定します。\n\n"+
				"これでMessaging APIチャネルが作られ、LINE Developersコンソールのプロバイダーの下に表示されます。"),
		Links:   []steps.Link{linkManager},
		Fields:  policyFields(),
		Confirm: steps.T("I enabled the Messaging API", "Messaging APIを有効にした"),
		Warn: steps.T(
			"The provider cannot be changed later. Choose the one you created in the previous step: the LINE Login channel has to be under the same provider.",
			"プロバイダーは後から変更できません。前の手順で作ったプロバイダーを選んでください。LINEログインチャネルも同じプロバイダーの下に作ります。"),
	}
}

func policyURLsStep() *steps.Step {
	return &steps.Step{
		ID:    "line.policy_urls",
		Title: steps.T("Set the privacy policy and terms URLs", "プライバシーポリシーと利用規約のURLを設定する"),
		Body: steps.T(
			"In the LINE Developers console open the shop's Messaging API channel and its Basic settings tab.\n\n"+
				"Set Privacy policy URL and Terms of use URL to the platform's pages (press Edit, paste, Update), and enter the same addresses here. The old service's addresses must not stay there.",
			"LINE Developersコンソールでお店のMessaging APIチャネルを開き、「チャネル基本設定」タブを表示します。\n\n"+
				"「プライバシーポリシーURL」と「サービス利用規約URL」をプラットフォームのページに変え（「編集」を押して貼り付け、「更新」）、同じアドレスをここにも入力してください。以前のサービスのアドレスを残さないでください。"),
		Links:   []steps.Link{linkConsole},
		Fields:  policyFields(),
		Confirm: steps.T("Both URLs are set in the console", "2つのURLをコンソールに設定した"),
	}
}

var warnPublish = steps.T(
	"Publishing cannot be undone: the channel never goes back to Developing. Make sure it is the LINE Login channel (not the Messaging API channel) before you publish.",
	"公開は取り消せません。チャネルは「開発中」に戻せません。公開する前に、Messaging APIチャネルではなくLINEログインチャネルであることを確かめてください。")

func loginChannelStep() *steps.Step {
	return &steps.Step{
		ID:    "line.login_channel",
		Title: steps.T("Create the LINE Login channel", "LINEログインチャネルを作る"),
		Body: steps.T(
			"In the LINE Developers console open the provider that holds the Messaging API channel and press Create a new channel > LINE Login.\n\n"+
				"Channel name: exactly the name of the Official Account (the account name you entered at the start). App types: tick Web app only. Fill in the description and an e-mail address, agree to the terms and press Create.\n\n"+
				"Customers see the channel name when they log in with LINE.",
			"LINE Developersコンソールで、Messaging APIチャネルがあるプロバイダーを開き、「新規チャネル作成」＞「LINEログイン」を押します。\n\n"+
				"チャネル名は公式アカウントの名前（最初に入力したアカウント名）と同じにします。アプリタイプは「ウェブアプリ」だけにチェックを入れます。説明とメールアドレスを入力し、規約に同意して「作成」を押します。\n\n"+
				"チャネル名は、お客様がLINEでログインするときに表示されます。"),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("I created the LINE Login channel", "LINEログインチャネルを作成した"),
		Warn: steps.T(
			"Create it under the same provider as the Messaging API channel; otherwise customers cannot be offered the account as a friend when they log in.",
			"Messaging APIチャネルと同じプロバイダーの下に作ってください。違うと、ログイン時に公式アカウントの友だち追加を案内できません。"),
	}
}

func publishLoginStep() *steps.Step {
	return &steps.Step{
		ID:    "line.publish_login",
		Title: steps.T("Publish the LINE Login channel", "LINEログインチャネルを公開する"),
		Body: steps.T(
			"A new LINE Login channel is Developing: only its developers can log in with it, customers cannot.\n\n"+
				"Open the LINE Login channel in the LINE Developers console. At the top, next to the channel name, press Developing and then Publish.\n\n"+
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
				"At the top, next to the channel name, the status must be Published. If it says Developing, press it and choose Publish.\n\n"+
				"In the LINE Login tab, under App types, Web app must be on and Native app off.",
			"LINE Developersコンソールでお店のLINEログインチャネルを開きます。\n\n"+
				"上部のチャネル名の横のステータスが「公開済み」であることを確かめます。「開発中」なら、押して「公開」を選びます。\n\n"+
				"「LINEログイン設定」タブのアプリタイプで、「ウェブアプリ」をオン、「ネイティブアプリ」をオフにします。"),
		Links:   []steps.Link{linkConsole},
		Confirm: steps.T("Published, Web app on, Native app off", "公開済み、ウェブアプリはオン、ネイティブアプリはオフ"),
		Warn:    warnPublish,
	}
}

func collectStep() *steps.Step {
	return &steps.Step{
		ID:    "line.collect",
		Title: steps.T("Collect the channel values", "チャネルの値を集める"),
		Body: steps.T(
			"Everything below is in the LINE Developers console.\n\n"+
				"Messaging API channel, Messaging API tab: at the bottom, under Channel access token (long-lived), press Issue and copy the token. If a token is shown already, copy it; do not press Reissue while another system still uses it.\n\n"+
				"Messaging API channel, Basic settings tab: Channel secret.\n\n"+
				"Add-friend URL: in LINE Official Account Manager, the add-friend link (https://lin.ee/…); or build it from the Bot basic ID in the Messaging API tab, next to the QR code: https://line.me/R/ti/p/%40 followed by the ID without the @.\n\n"+
				"LINE Login channel, Basic settings tab: Channel ID and Channel secret.",
			"どれもLINE Developersコンソールにあります。\n\n"+
				"Messaging APIチャネルの「Messaging API設定」タブ：一番下の「チャネルアクセストークン（長期）」で「発行」を押し、トークンをコピーします。すでに表示されていればそれをコピーし、他のシステムが使っている間は「再発行」を押さないでください。\n\n"+
				"Messaging APIチャネルの「チャネル基本設定」タブ：チャネルシークレット。\n\n"+
				"友だち追加URL：LINE公式アカウントマネージャーの友だち追加リンク（https://lin.ee/…）。または「Messaging API設定」タブのQRコードの横にあるボットのベーシックIDから、https://line.me/R/ti/p/%40 の後に@を除いたIDを付けて作ります。\n\n"+
				"LINEログインチャネルの「チャネル基本設定」タブ：チャネルIDとチャネルシークレット。"),
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
				Help:     steps.T("https://lin.ee/… or https://line.me/R/ti/p/%40…", "https://lin.ee/… または https://line.me/R/ti/p/%40…"),
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
		Checks: []string{"line.token", "line.secret", "line.bot", "line.friend_url", "line.login.secret"},
	}
}

func cmsStep() *steps.Step {
	return &steps.Step{
		ID:    "line.cms",
		Title: steps.T("Enter the values in the CMS", "CMSに値を入力する"),
		Body: steps.T(
			"Open the LINE settings of the platform's CMS. Paste the six values listed here, each into the field of the same name: account name, channel access token, channel secret, add-friend URL, LINE Login channel ID and LINE Login channel secret. Copy them one at a time from this screen.\n\n"+
				"Save the settings in the CMS. The wizard writes its config file when you leave this step.",
			"プラットフォームのCMSのLINE設定画面を開き、ここに並んだ6つの値を同じ名前の欄に貼り付けます：アカウント名、チャネルアクセストークン、チャネルシークレット、友だち追加URL、LINEログインのチャネルID、LINEログインのチャネルシークレット。この画面から1つずつコピーしてください。\n\n"+
				"CMSで設定を保存します。この手順を終えると、ウィザードが設定ファイルを書き出します。"),
		Handover: true,
		Confirm:  steps.T("I pasted the six values into the CMS and saved", "6つの値をCMSに貼り付けて保存した"),
	}
}

func webhookStep() *steps.Step {
	return &steps.Step{
		ID:    "line.webhook",
		Title: steps.T("Set the webhook URL", "Webhook URLを設定する"),
		Body: steps.T(
			"Once saved, the CMS shows a webhook URL: LINE sends the messages customers write to that address. Enter it here.\n\n"+
				"With your consent the wizard writes it into the Messaging API channel for you. Otherwise, in the LINE Developers console open the Messaging API channel's Messaging API tab, press Edit under Webhook URL, paste it and press Update.\n\n"+
				"Then switch Use webhook on in the same tab: only the console can switch it, no API can. LINE takes up to a minute to apply a change; the wizard waits for it, then sends a test message to the address.",
			"保存するとCMSにWebhook URLが表示されます。お客様が書いたメッセージをLINEが届ける先です。ここに入力してください。\n\n"+
				"同意いただければ、ウィザードがMessaging APIチャネルに書き込みます。自分で設定する場合は、LINE DevelopersコンソールでMessaging APIチャネルの「Messaging API設定」タブを開き、「Webhook URL」の「編集」を押して貼り付け、「更新」を押します。\n\n"+
				"続けて同じタブの「Webhookの利用」をオンにします。これはコンソールでしか切り替えられず、APIではできません。LINEが変更を反映するまで最大1分かかるため、ウィザードは反映を待ってからテストのメッセージを送ります。"),
		Links: []steps.Link{linkConsole},
		Fields: []steps.Field{
			{
				Key:      keyWebhookURL,
				Label:    steps.T("Webhook URL", "Webhook URL"),
				Help:     steps.T("From the CMS's LINE settings, starting with https://.", "CMSのLINE設定画面に表示される、https:// で始まるアドレス。"),
				Kind:     steps.KindURL,
				Validate: []steps.Validator{WebhookURL},
				Sample:   sample.WebhookURL,
			},
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

func callbackStep() *steps.Step {
	return &steps.Step{
		ID:    "line.callback",
		Title: steps.T("Set the callback URL", "コールバックURLを設定する"),
		Body: steps.T(
			"The CMS also shows a callback URL for LINE Login: after logging in, customers return to that address. Enter it here.\n\n"+
				"In the LINE Developers console open the LINE Login channel and its LINE Login tab. Press Edit under Callback URL, add the address on a line of its own, keep any others, and press Update.\n\n"+
				"It must match letter for letter; the wizard then asks LINE whether the address is registered.",
			"CMSにはLINEログイン用のコールバックURLも表示されます。ログインしたお客様が戻ってくるアドレスです。ここに入力してください。\n\n"+
				"LINE DevelopersコンソールでLINEログインチャネルを開き、「LINEログイン設定」タブの「コールバックURL」で「編集」を押します。アドレスを1行で追加し（ほかの行は残します）、「更新」を押します。\n\n"+
				"1文字でも違うと使えません。入力後、ウィザードがLINEに登録済みかどうかを確認します。"),
		Links: []steps.Link{linkConsole},
		Fields: []steps.Field{{
			Key:      keyCallbackURL,
			Label:    steps.T("Callback URL", "コールバックURL"),
			Help:     steps.T("From the CMS's LINE settings; not the webhook URL.", "CMSのLINE設定画面から。Webhook URLとは別のものです。"),
			Kind:     steps.KindURL,
			Validate: []steps.Validator{CallbackURL},
			Sample:   sample.CallbackURL,
		}},
		Checks: []string{"line.login.callback"},
	}
}

// FlowNew is the first-time flow: intro and the 12 documented steps.
func FlowNew() *steps.Flow {
	return &steps.Flow{
		ID:       FlowNewID,
		Provider: "line",
		Title:    steps.T("LINE: first-time setup", "LINE：はじめての設定"),
		Preset:   steps.Answers{"line.flow": "new"},
		Learnt:   learntValues,
		Steps: []*steps.Step{
			introStep(false),
			createOAStep(),           // ①
			verifyAccountStep(),      // ②
			chatOnStep(),             // ③
			developersRegisterStep(), // ④
			providerStep(),           // ⑤
			messagingAPIStep(),       // ⑥
			loginChannelStep(),       // ⑦
			publishLoginStep(),       // ⑧
			collectStep(),            // ⑨
			cmsStep(),                // ⑩
			webhookStep(),            // ⑪
			callbackStep(),           // ⑫
		},
	}
}

// FlowSwitch moves a shop that already uses LINE with another service: intro and the 8
// documented steps.
func FlowSwitch() *steps.Flow {
	return &steps.Flow{
		ID:       FlowSwitchID,
		Provider: "line",
		Title:    steps.T("LINE: switching from another service", "LINE：他のサービスからの切り替え"),
		Preset:   steps.Answers{"line.flow": "switch"},
		Learnt:   learntValues,
		Steps: []*steps.Step{
			introStep(true),
			verifyAccountStep(), // ①
			policyURLsStep(),    // ②
			loginSettingsStep(), // ③
			chatOnStep(),        // ④
			collectStep(),       // ⑤
			cmsStep(),           // ⑥
			webhookStep(),       // ⑦
			callbackStep(),      // ⑧
		},
	}
}

// Flows lists the LINE flows, first time first.
func Flows() []*steps.Flow { return []*steps.Flow{FlowNew(), FlowSwitch()} }

// FlowByID returns the LINE flow with id, or nil.
func FlowByID(id string) *steps.Flow {
	for _, f := range Flows() {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// learntValues are the values the checks find out: the Messaging API channel ID behind the
// token, which the platform's CMS asks for too.
var learntValues = map[string]steps.Text{
	"line.messaging_api.channel_id": steps.T("Messaging API channel ID", "Messaging API のチャネルID"),
}

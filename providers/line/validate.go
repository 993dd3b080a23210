package line

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Formats of LINE values (FACTS.md). The numbers live here so that a correction touches
// one line.
const (
	// ChannelIDDigits is the length of every channel ID seen so far; another length is
	// only a warning.
	ChannelIDDigits = 10
	// ChannelSecretLen is the length of a channel secret.
	ChannelSecretLen = 32
	// LongLivedTokenLen is the length long-lived channel access tokens have been observed
	// to have. UNCONFIRMED: another length is a warning, never an error.
	LongLivedTokenLen = 172
	// valMinTokenLen is far below any channel access token: shorter is an error.
	valMinTokenLen = 64
	// MaxWebhookURLLen is LINE's limit for a webhook URL.
	MaxWebhookURLLen = 500
	// valMaxNameLen keeps names to what a console field takes; longer is surely a paste error.
	valMaxNameLen = 100
)

// Answer keys the validators read for cross-field rules.
const (
	keyChannelID          = "line.messaging_api.channel_id"
	keyChannelSecret      = "line.messaging_api.channel_secret"
	keyWebhookURL         = "line.messaging_api.webhook_url"
	keyCallbackURL        = "line.login.callback_url"
	keyLoginChannelID     = "line.login.channel_id"
	keyLoginChannelSecret = "line.login.channel_secret"
)

var (
	fixChannelID = steps.T(
		"Copy the Channel ID from the channel's Basic settings tab in the LINE Developers console.",
		"LINE Developersコンソールで、チャネルの「チャネル基本設定」タブにあるチャネルIDをコピーしてください。")
	fixChannelSecret = steps.T(
		"Copy the Channel secret from the Basic settings tab of the channel in the LINE Developers console.",
		"LINE Developersコンソールで、チャネルの「チャネル基本設定」タブにあるチャネルシークレットをコピーしてください。")
	fixToken = steps.T(
		`Copy the "Channel access token (long-lived)" from the Messaging API tab of the Messaging API channel.`,
		"Messaging APIチャネルの「Messaging API設定」タブにある「チャネルアクセストークン（長期）」をコピーしてください。")
	fixAddFriend = steps.T(
		"Copy the add-friend link from LINE Official Account Manager (https://lin.ee/…), or use https://line.me/R/ti/p/%40 followed by the bot's basic ID without the @.",
		"LINE公式アカウントマネージャーの友だち追加のリンク（https://lin.ee/…）をコピーするか、https://line.me/R/ti/p/%40の後に@を除いたベーシックIDを付けてください。")
	fixFromCMS = steps.T(
		"Copy it again from the CMS's LINE settings.",
		"CMSのLINE設定画面からもう一度コピーしてください。")
)

var valAlnum = steps.T("half-width letters and digits", "半角英数字")

func valIsBase64(r rune) bool { return steps.IsAlnum(r) || r == '+' || r == '/' || r == '=' }

func valAllDigits(v string) bool {
	for _, r := range v {
		if r < '0' || r > '9' {
			return false
		}
	}
	return v != ""
}

func valAllAlnum(v string) bool {
	for _, r := range v {
		if !steps.IsAlnum(r) {
			return false
		}
	}
	return v != ""
}

// valLooksLikeToken tells a pasted channel access token from a secret: far longer, or with
// the symbols only base64 has.
func valLooksLikeToken(v string) bool {
	n := steps.Len(v)
	return n >= valMinTokenLen || (n > ChannelSecretLen && strings.ContainsAny(v, "+/="))
}

// ChannelID checks a channel ID (Messaging API or Login): digits, a warning when not 10.
func ChannelID(v string, a steps.Answers) *steps.Problem {
	return steps.Digits(ChannelIDDigits, fixChannelID)(v, a)
}

// LoginChannelID checks the LINE Login channel's ID, which must not be the Messaging API
// channel's (the one learnt from the token, or given).
func LoginChannelID(v string, a steps.Answers) *steps.Problem {
	if p := ChannelID(v, a); p != nil && p.Severity == steps.Error {
		return p
	}
	if p := steps.DiffersFrom(keyChannelID,
		steps.T("Messaging API channel's ID", "Messaging APIチャネルのチャネルID"),
		steps.T("Open the LINE Login channel (not the Messaging API channel) and copy the Channel ID from its Basic settings tab.",
			"Messaging APIチャネルではなくLINEログインチャネルを開き、「チャネル基本設定」タブのチャネルIDをコピーしてください。"))(v, a); p != nil {
		return p
	}
	return ChannelID(v, a)
}

// ChannelSecret checks a channel secret: 32 half-width letters or digits. It tells how many
// characters were given and recognises a token or a channel ID pasted in its place.
func ChannelSecret(v string, a steps.Answers) *steps.Problem {
	n := steps.Len(v)
	if p := steps.NoSpace(fixChannelSecret)(v, a); p != nil {
		return p
	}
	if n != ChannelSecretLen && valLooksLikeToken(v) {
		return steps.Errorf(
			steps.T(fmt.Sprintf("is %d characters long and looks like a channel access token; a channel secret has %d letters and digits.", n, ChannelSecretLen),
				fmt.Sprintf("%d文字あり、チャネルアクセストークンのようです。チャネルシークレットは英数字%d文字です。", n, ChannelSecretLen)),
			fixChannelSecret)
	}
	if valAllDigits(v) && n <= 12 {
		return steps.Errorf(
			steps.T(fmt.Sprintf("has %d digits only and looks like a channel ID; a channel secret has %d letters and digits.", n, ChannelSecretLen),
				fmt.Sprintf("数字%d桁だけで、チャネルIDのようです。チャネルシークレットは英数字%d文字です。", n, ChannelSecretLen)),
			fixChannelSecret)
	}
	if p := steps.Charset(valAlnum, steps.IsAlnum, fixChannelSecret)(v, a); p != nil {
		return p
	}
	if n != ChannelSecretLen {
		return steps.Errorf(
			steps.T(fmt.Sprintf("must be %d letters and digits (got %d).", ChannelSecretLen, n),
				fmt.Sprintf("英数字%d文字のはずです（%d文字あります）。", ChannelSecretLen, n)),
			fixChannelSecret)
	}
	return nil
}

// LoginChannelSecret checks the LINE Login channel's secret, which must not be the
// Messaging API channel's: copying the same secret twice is a common slip.
func LoginChannelSecret(v string, a steps.Answers) *steps.Problem {
	if p := ChannelSecret(v, a); p != nil {
		return p
	}
	return steps.DiffersFrom(keyChannelSecret,
		steps.T("Messaging API channel's secret", "Messaging APIチャネルのチャネルシークレット"),
		steps.T("Open the LINE Login channel (not the Messaging API channel) and copy the Channel secret from its Basic settings tab.",
			"Messaging APIチャネルではなくLINEログインチャネルを開き、「チャネル基本設定」タブのチャネルシークレットをコピーしてください。"))(v, a)
}

// valLooksLikeSecret: 32 hex digits is how every channel secret looks, and no channel
// access token is known to be that short.
func valLooksLikeSecret(v string) bool {
	if steps.Len(v) != ChannelSecretLen {
		return false
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}

func valPrintableASCII(r rune) bool { return r > ' ' && r < 0x7f }

// ChannelAccessToken checks a channel access token. LINE documents it as "an opaque
// string" (FACTS.md), so only what cannot be a token is refused: empty, spaces inside,
// non-ASCII, a "Bearer " prefix, a channel secret pasted in its place. Anything else that
// is unlike the tokens seen so far (characters outside base64, another length, a v2.1
// token that expires) is a warning, and line.token decides.
func ChannelAccessToken(v string, a steps.Answers) *steps.Problem {
	n := steps.Len(v)
	lower := strings.ToLower(v)
	switch {
	case strings.TrimSpace(v) == "":
		return steps.Errorf(steps.T("is empty.", "入力されていません。"), fixToken)
	case strings.HasPrefix(lower, "bearer ") || strings.HasPrefix(lower, "bearer\t"):
		return steps.Errorf(steps.T(`starts with "Bearer"; only the token itself is wanted.`, "先頭に「Bearer」が付いています。トークンだけを入力してください。"),
			steps.T(`Delete "Bearer " in front and keep the rest.`, "先頭の「Bearer」を消して、残りを入力してください。"))
	}
	if p := steps.NoSpace(steps.T("The token is one long line: copy it again with the copy button next to it, not by selecting the text.",
		"トークンは1行の長い文字列です。文字を選択せず、横のコピーボタンでもう一度コピーしてください。"))(v, a); p != nil {
		return p
	}
	if p := steps.Charset(steps.T("half-width letters, digits and symbols", "半角の英数字と記号"), valPrintableASCII, fixToken)(v, a); p != nil {
		return p
	}
	if valLooksLikeSecret(v) {
		return steps.Errorf(steps.T(fmt.Sprintf("has %d hexadecimal characters and looks like a channel secret, not a channel access token.", n), fmt.Sprintf("16進数の%d文字で、チャネルアクセストークンではなくチャネルシークレットのようです。", n)), fixToken)
	}
	switch {
	case IsV21Token(v):
		return steps.Warnf(steps.T("looks like a channel access token v2.1, which expires (after at most 30 days); a long-lived token does not.", "有効期限（最長30日）のあるチャネルアクセストークンv2.1のようです。長期のトークンには期限がありません。"),
			steps.T(`It works until it expires (the live check shows when). To avoid renewing it, press "Issue" under "Channel access token (long-lived)" in the Messaging API tab and use that token.`, "期限までは使えます（接続テストで期限を表示します）。更新の手間を省くなら、「Messaging API設定」タブの「チャネルアクセストークン（長期）」で「発行」を押し、そのトークンを使ってください。"))
	case valAllDigits(v) && n <= 12:
		return steps.Warnf(steps.T("has digits only and looks like a channel ID, not a channel access token.", "数字だけで、チャネルアクセストークンではなくチャネルIDのようです。"), fixToken)
	}
	for i, r := range []rune(v) {
		if !valIsBase64(r) {
			return steps.Warnf(steps.T(fmt.Sprintf("has %q at character %d; long-lived tokens usually have only letters, digits and + / =.", string(r), i+1),
				fmt.Sprintf("%d文字目に「%s」があります。長期のトークンは通常、半角英数字と+ / =だけです。", i+1, string(r))),
				steps.T("Check that it was copied whole and from the right place. The live check will tell for sure.", "正しい場所から欠けずにコピーできているか確かめてください。接続テストで確実に分かります。"))
		}
	}
	if n != LongLivedTokenLen {
		return steps.Warnf(
			steps.T(fmt.Sprintf("has %d characters; long-lived tokens usually have %d.", n, LongLivedTokenLen), fmt.Sprintf("%d文字です。長期のトークンは通常%d文字です。", n, LongLivedTokenLen)),
			steps.T("Check that it was copied whole. The live check will tell for sure.", "欠けずにコピーできているか確かめてください。接続テストで確実に分かります。"))
	}
	return nil
}

// Compiled on first use: a program that only prints its version pays nothing.
var valBasicIDLike = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^@[0-9]{3}[a-z]{4,5}$`) })

func valNameRule(what steps.Text) steps.Validator {
	return steps.All(
		steps.PlainText(steps.Text{}),
		steps.MaxLen(valMaxNameLen, steps.T("Enter only the "+what.EN+", as the console shows it.", "コンソールに表示されている"+what.JA+"だけを入力してください。")),
	)
}

// AccountName checks the LINE Official Account's name: plain text of a sensible length; a
// basic ID typed instead draws a warning.
func AccountName(v string, a steps.Answers) *steps.Problem {
	if p := valNameRule(steps.T("account name", "アカウント名"))(v, a); p != nil {
		return p
	}
	if valBasicIDLike().MatchString(strings.TrimSpace(v)) {
		return steps.Warnf(steps.T("looks like the basic ID (@…), not the account name.", "アカウント名ではなくベーシックID（@…）のようです。"),
			steps.T("Enter the name friends see, as shown at the top of LINE Official Account Manager.", "LINE公式アカウントマネージャーの上部に表示される、友だちに見える名前を入力してください。"))
	}
	return nil
}

// ProviderName checks the provider's name: plain text of a sensible length.
func ProviderName(v string, a steps.Answers) *steps.Problem {
	return valNameRule(steps.T("provider name", "プロバイダー名"))(v, a)
}

// PolicyURL checks a privacy-policy or terms URL: a public https page.
func PolicyURL(v string, a steps.Answers) *steps.Problem {
	fix := steps.T("Use the https:// address of the page as the platform publishes it.", "プラットフォームが公開しているページのhttps://アドレスを使ってください。")
	return steps.All(steps.HTTPSURL(fix), steps.PublicHost(fix))(v, a)
}

// WebhookURL checks the webhook URL the CMS gives: https, at most 500 characters, on a
// host LINE can reach.
func WebhookURL(v string, a steps.Answers) *steps.Problem {
	return steps.All(
		steps.HTTPSURL(fixFromCMS),
		steps.MaxLen(MaxWebhookURLLen, fixFromCMS),
		steps.PublicHost(steps.T("LINE's servers must reach it: use the public webhook URL the CMS shows.", "LINEのサーバーから届く必要があります。CMSに表示される公開のWebhook URLを使ってください。")),
	)(v, a)
}

// valSameURL compares two URLs as LINE would tell them apart: scheme and host without case.
func valSameURL(x, y string) bool {
	ux, err1 := url.Parse(strings.TrimSpace(x))
	uy, err2 := url.Parse(strings.TrimSpace(y))
	if err1 != nil || err2 != nil {
		return strings.TrimSpace(x) == strings.TrimSpace(y)
	}
	ux.Scheme, uy.Scheme = strings.ToLower(ux.Scheme), strings.ToLower(uy.Scheme)
	ux.Host, uy.Host = strings.ToLower(ux.Host), strings.ToLower(uy.Host)
	return ux.String() == uy.String()
}

// CallbackURL checks the LINE Login callback URL: https; http://localhost is accepted
// with a warning (it works only on the computer it runs on); it must not be the webhook
// URL, a common mix-up of the two addresses the CMS shows.
func CallbackURL(v string, a steps.Answers) *steps.Problem {
	u, p := steps.ParseURL(v)
	if p != nil {
		p.Fix = fixFromCMS
		return p
	}
	if u.Fragment != "" || strings.Contains(v, "#") {
		return steps.Errorf(steps.T("must not contain # and what follows it.", "「#」以降を含めないでください。"), fixFromCMS)
	}
	if w := a.Get(keyWebhookURL); w != "" && valSameURL(w, v) {
		return steps.Errorf(steps.T("is the same as the webhook URL; the CMS shows two different addresses.", "Webhook URLと同じです。CMSには別々の2つのアドレスが表示されているはずです。"),
			steps.T("Copy the callback URL (for LINE Login) from the CMS's LINE settings.", "CMSのLINE設定画面から、LINEログイン用のコールバックURLをコピーしてください。"))
	}
	local := steps.IsLocalHost(u.Hostname())
	if u.Scheme != "https" && !local {
		return steps.Errorf(steps.T("must start with https:// (got http://).", "https://で始まる必要があります（http://になっています）。"), fixFromCMS)
	}
	if local {
		return steps.Warnf(steps.T("points to this computer or a private network: LINE Login will only work from here, never for customers.", "このパソコンかプライベートネットワークを指しています。お客様のLINEログインでは使えません。"),
			steps.T("Use it only for a test; enter the CMS's public callback URL for the shop.", "テスト用にだけ使い、お店用にはCMSの公開コールバックURLを入力してください。"))
	}
	return nil
}

// FriendURL is what an add-friend URL points to.
type FriendURL struct {
	// Short is true for a https://lin.ee/<Slug> link, which must be resolved to learn the
	// account it names.
	Short bool
	Slug  string
	// ID is the basic ID or premium ID with its "@", for a line.me/R/ti/p/ link.
	ID string
}

var (
	valSlugRe     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`) })
	valFriendIDRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^@[A-Za-z0-9._-]{1,30}$`) })
)

// ParseAddFriendURL reads https://lin.ee/<slug> or https://line.me/R/ti/p/<%40id>. The
// problem, when not nil, says what is wrong and where to get the right link.
func ParseAddFriendURL(raw string) (FriendURL, *steps.Problem) {
	u, p := steps.ParseURL(strings.TrimSpace(raw))
	if p != nil {
		p.Fix = fixAddFriend
		return FriendURL{}, p
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	bad := func(en, ja string) (FriendURL, *steps.Problem) {
		return FriendURL{}, steps.Errorf(steps.T(en, ja), fixAddFriend)
	}
	if u.Scheme != "https" {
		return bad("must start with https://.", "https://で始まる必要があります。")
	}
	if u.Port() != "" {
		return bad("must not name a port.", "ポート番号を含めないでください。")
	}
	switch host {
	case "lin.ee":
		slug := strings.TrimSuffix(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
		if !valSlugRe().MatchString(slug) {
			return bad("must be https://lin.ee/ followed by the link's code (letters and digits).", "https://lin.ee/の後にリンクのコード（英数字）が続く形にしてください。")
		}
		return FriendURL{Short: true, Slug: slug}, nil
	case "line.me":
		path := u.EscapedPath()
		if strings.HasPrefix(path, "/R/ti/p/") || strings.HasPrefix(path, "/ti/p/") {
			rest := path[strings.Index(path, "/ti/p/")+len("/ti/p/"):]
			rest = strings.TrimSuffix(rest, "/")
			id, err := url.PathUnescape(rest)
			if err != nil {
				return bad("has a broken %-code after /ti/p/.", "/ti/p/の後の%記号の表記が壊れています。")
			}
			if strings.HasPrefix(id, "~") {
				return bad("is the add-friend link of a personal LINE account (~…), not of the Official Account.", "個人のLINEアカウント（~…）の友だち追加リンクです。公式アカウントのリンクではありません。")
			}
			if !valFriendIDRe().MatchString(id) {
				return bad("must name the Official Account's basic or premium ID (%40 followed by the ID) after /R/ti/p/.", "/R/ti/p/の後に公式アカウントのベーシックIDかプレミアムID（%40の後にID）が必要です。")
			}
			if strings.HasPrefix(path, "/ti/p/") {
				return FriendURL{ID: id}, steps.Warnf(steps.T("uses the older form line.me/ti/p/; the current one is line.me/R/ti/p/.", "古い形式（line.me/ti/p/）です。現在の形式はline.me/R/ti/p/です。"),
					steps.T("It usually still works; prefer the https://line.me/R/ti/p/ link.", "通常はそのまま使えますが、https://line.me/R/ti/p/の形式をおすすめします。"))
			}
			return FriendURL{ID: id}, nil
		}
		return bad("must be a https://line.me/R/ti/p/… add-friend link.", "https://line.me/R/ti/p/… の友だち追加リンクにしてください。")
	case "page.line.me":
		return bad("is the account's profile page, not its add-friend link.", "アカウントのプロフィールページで、友だち追加リンクではありません。")
	}
	return bad("must be an add-friend link on lin.ee or line.me.", "lin.eeかline.meの友だち追加リンクにしてください。")
}

// AddFriendURL checks the Official Account's add-friend URL.
func AddFriendURL(v string, _ steps.Answers) *steps.Problem {
	_, p := ParseAddFriendURL(v)
	return p
}

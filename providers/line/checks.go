package line

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/line/line-bot-sdk-go/v8/linebot/channel_access_token"
	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Answer keys the checks read and learn.
const (
	chkKeyAccountName  = "line.account_name"
	chkKeyChannelID    = "line.messaging_api.channel_id"
	chkKeyToken        = "line.messaging_api.channel_access_token"
	chkKeySecret       = "line.messaging_api.channel_secret"
	chkKeyFriendURL    = "line.messaging_api.add_friend_url"
	chkKeyWebhookURL   = "line.messaging_api.webhook_url"
	chkKeyLoginID      = "line.login.channel_id"
	chkKeyLoginSecret  = "line.login.channel_secret"
	chkKeyCallbackURL  = "line.login.callback_url"
	chkKeySetWebhook   = "flow.line.set_webhook"
	chkKeyBasicID      = "flow.line.basic_id"
	chkKeyPremiumID    = "flow.line.premium_id"
	chkStepCollect     = "line.collect"
	chkStepChatOn      = "line.chat_on"
	chkStepWebhook     = "line.webhook"
	chkStepCMS         = "line.cms"
	chkStepVerify      = "line.verify_account"
	chkStepCallback    = "line.callback"
	chkWebhookWait     = 60 * time.Second
	chkWebhookInterval = 5 * time.Second
)

// Checks returns the live checks of the LINE flows, in the order a report lists them.
func Checks() []verify.Check {
	has := func(keys ...string) func(steps.Answers) bool {
		return func(a steps.Answers) bool {
			for _, k := range keys {
				if a.Get(k) == "" {
					return false
				}
			}
			return true
		}
	}
	return []verify.Check{
		{ID: "line.token", Step: chkStepCollect, Reads: []string{chkKeyToken}, Applies: has(chkKeyToken), Run: chkRunToken},
		{ID: "line.secret", Needs: []string{"line.token"}, Step: chkStepCollect, Reads: []string{chkKeyToken, chkKeySecret}, Applies: has(chkKeyToken, chkKeySecret), Run: chkRunSecret},
		{ID: "line.bot", Step: chkStepChatOn, Reads: []string{chkKeyToken, chkKeyAccountName}, Applies: has(chkKeyToken), Run: chkRunBot},
		{ID: "line.verified", Step: chkStepVerify, Reads: []string{chkKeyToken}, Applies: has(chkKeyToken), Run: chkRunVerified},
		{ID: "line.friend_url", Needs: []string{"line.bot"}, Step: chkStepCollect, Reads: []string{chkKeyToken, chkKeyFriendURL}, Applies: has(chkKeyToken, chkKeyFriendURL), Run: chkRunFriendURL},
		{ID: "line.webhook.set", Step: chkStepWebhook, Reads: []string{chkKeyToken, chkKeyWebhookURL, chkKeySetWebhook}, Applies: func(a steps.Answers) bool {
			return has(chkKeyToken, chkKeyWebhookURL)(a) && a.Bool(chkKeySetWebhook)
		}, Run: chkRunWebhookSet, Once: true}, // written once a run: the final re-check must not restart LINE's cache wait
		{ID: "line.webhook.active", Needs: []string{"line.webhook.set"}, Step: chkStepWebhook, Reads: []string{chkKeyToken, chkKeyWebhookURL}, Applies: has(chkKeyToken, chkKeyWebhookURL), Run: chkRunWebhookActive, Timeout: 75 * time.Second,
			// The minute for LINE's cache follows a write of the webhook (the walk's
			// line.webhook.set); without one (verify) --timeout holds.
			TimeoutWhen: func(a steps.Answers) bool { return a.Bool(chkKeySetWebhook) }},
		{ID: "line.webhook.test", Needs: []string{"line.webhook.active"}, Step: chkStepWebhook, Reads: []string{chkKeyToken, chkKeyWebhookURL}, Applies: has(chkKeyToken, chkKeyWebhookURL), Run: chkRunWebhookTest, Once: true},
		{ID: "line.login.secret", Step: chkStepCollect, Reads: []string{chkKeyLoginID, chkKeyLoginSecret}, Applies: has(chkKeyLoginID, chkKeyLoginSecret), Run: chkRunLoginSecret},
		{ID: "line.login.callback", Step: chkStepCallback, Reads: []string{chkKeyLoginID, chkKeyCallbackURL}, Applies: has(chkKeyLoginID, chkKeyCallbackURL), Run: chkRunCallback},
	}
}

// chkAPI is the base of api.line.me for env.
func chkAPI(env *verify.Env) string {
	if env.URLs.LineAPI != "" {
		return env.URLs.LineAPI
	}
	return "https://api.line.me"
}

func chkHTTP(env *verify.Env) *http.Client {
	if env.HTTP != nil {
		return env.HTTP
	}
	return http.DefaultClient
}

func chkMessaging(ctx context.Context, env *verify.Env) (*messaging_api.MessagingApiAPI, error) {
	c, err := messaging_api.NewMessagingApiAPI(env.Answers.Get(chkKeyToken),
		messaging_api.WithEndpoint(chkAPI(env)), messaging_api.WithHTTPClient(chkHTTP(env)))
	if err != nil {
		return nil, err
	}
	return c.WithContext(ctx), nil
}

func chkTokens(ctx context.Context, env *verify.Env) (*channel_access_token.ChannelAccessTokenAPI, error) {
	c, err := channel_access_token.NewChannelAccessTokenAPI(
		channel_access_token.WithEndpoint(chkAPI(env)), channel_access_token.WithHTTPClient(chkHTTP(env)))
	if err != nil {
		return nil, err
	}
	return c.WithContext(ctx), nil
}

// chkCall is how one API call ended, read from the SDK's …WithHttpInfo results.
type chkCall struct {
	call    string // "POST /v2/oauth/verify", for the detail
	status  int    // 0 when nothing answered
	message string // LINE's message or error_description, cleaned
	badBody bool   // 2xx with a body that is not the JSON LINE documents
	err     error
	ctx     context.Context
}

// chkHTML tells an answer that declares itself an HTML page.
func chkHTML(res *http.Response) bool {
	ct := strings.ToLower(res.Header.Get("Content-Type"))
	return strings.HasPrefix(strings.TrimSpace(ct), "text/html")
}

func chkOutcome(ctx context.Context, call string, res *http.Response, err error) chkCall {
	c := chkCall{call: call, err: err, ctx: ctx}
	if res == nil {
		return c
	}
	c.status = res.StatusCode
	if res.StatusCode/100 == 2 {
		// A 2xx page in HTML is a proxy's or captive portal's, never LINE's JSON: the SDK
		// does not read the body of a call whose answer it ignores (PUT webhook), so the
		// content type is the only sign.
		c.badBody = err != nil || chkHTML(res)
		return c
	}
	// The SDK has read the body and put it back for us.
	b, _ := io.ReadAll(io.LimitReader(res.Body, 16<<10))
	var m struct {
		Message          string `json:"message"`
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	if json.Unmarshal(b, &m) == nil {
		switch {
		case m.Message != "":
			c.message = m.Message
		case m.ErrorDescription != "":
			c.message = m.Error + ": " + m.ErrorDescription
		default:
			c.message = m.Error
		}
	}
	if errors.Is(err, verify.ErrBodyTooLarge) {
		c.message = verify.ErrBodyTooLarge.Error()
	}
	c.message = probeTrim(steps.Clean(c.message), 200)
	return c
}

// detail is the line for support: the call, the status and LINE's message.
func (c chkCall) detail() string {
	switch {
	case c.status == 0:
		return c.call + ": " + chkNetReason(c.ctx, c.err)
	case c.badBody && errors.Is(c.err, verify.ErrBodyTooLarge):
		return fmt.Sprintf("%s: HTTP %d: %v", c.call, c.status, verify.ErrBodyTooLarge)
	case c.badBody:
		return fmt.Sprintf("%s: HTTP %d with a body that is not valid JSON", c.call, c.status)
	case c.message != "":
		return fmt.Sprintf("%s: HTTP %d: %s", c.call, c.status, c.message)
	}
	return fmt.Sprintf("%s: HTTP %d", c.call, c.status)
}

// chkNetReason says why nothing answered, without the request (its URL is all it names).
func chkNetReason(ctx context.Context, err error) string {
	switch {
	case err == nil:
		return "no answer"
	case errors.Is(err, context.DeadlineExceeded) || (ctx != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)):
		return "no answer in time"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	}
	return probeTrim(steps.Clean(err.Error()), 200)
}

// chkCouldNotTell is the result when LINE could not be asked or answered oddly: the
// check says nothing about the value, so the status is error and no step is named.
func chkCouldNotTell(id string, what steps.Text, c chkCall) verify.Result {
	var msg steps.Text
	switch {
	case c.status == 0 && c.ctx != nil && errors.Is(c.ctx.Err(), context.Canceled):
		msg = steps.T("Checking "+what.EN+" was cancelled.", what.JA+"の確認を中止しました。")
	case c.status == 0 && (errors.Is(c.err, context.DeadlineExceeded) || (c.ctx != nil && c.ctx.Err() != nil)):
		msg = steps.T("LINE did not answer in time, so "+what.EN+" could not be checked. Try again in a moment.",
			"LINEから時間内に応答がなかったため、"+what.JA+"を確認できませんでした。少し待ってからもう一度試してください。")
	case c.status == 0 && errors.As(c.err, new(*verify.RedirectError)):
		var re *verify.RedirectError
		errors.As(c.err, &re)
		host := steps.Clean(re.Host())
		msg = steps.T("LINE's address answered with a redirect to "+host+", so "+what.EN+" could not be checked: the wizard never follows one, because the request carries the channel's secrets. Check SETUP_WIZARD_LINE_API_URL and any proxy between this computer and LINE.",
			"LINEのアドレスが"+host+"への転送（リダイレクト）を返したため、"+what.JA+"を確認できませんでした。リクエストにはチャネルのシークレットが含まれるため、転送先には送りません。SETUP_WIZARD_LINE_API_URLと、このパソコンとLINEの間のプロキシを確認してください。")
	case c.status == 0:
		msg = steps.T("Could not reach LINE to check "+what.EN+". Check the internet connection (and proxy settings), then try again.",
			"LINEに接続できず、"+what.JA+"を確認できませんでした。インターネット接続（プロキシ設定）を確認してから、もう一度試してください。")
	case c.badBody:
		msg = steps.T("LINE answered with something the wizard cannot read (not valid JSON), so "+what.EN+" could not be checked. Try again later; if it keeps happening, send the detail to support.",
			"LINEの応答を読み取れなかった（JSONとして不正）ため、"+what.JA+"を確認できませんでした。時間をおいて再度試し、続く場合は詳細をサポートに送ってください。")
	case c.status == http.StatusTooManyRequests:
		msg = steps.T("LINE's rate limit was reached, so "+what.EN+" could not be checked now. Wait a minute and try again.",
			"LINEの呼び出し回数の上限に達したため、今は"+what.JA+"を確認できません。1分ほど待ってからもう一度試してください。")
	case c.status >= 500:
		msg = steps.T(fmt.Sprintf("LINE had a server error (HTTP %d), so %s could not be checked. This is on LINE's side: try again later.", c.status, what.EN),
			fmt.Sprintf("LINE側でサーバーエラー（HTTP %d）が起きたため、%sを確認できませんでした。LINE側の問題です。時間をおいてもう一度試してください。", c.status, what.JA))
	default:
		msg = steps.T(fmt.Sprintf("LINE gave an unexpected answer (HTTP %d), so %s could not be checked. Send the detail to support.", c.status, what.EN),
			fmt.Sprintf("LINEから想定外の応答（HTTP %d）があり、%sを確認できませんでした。詳細をサポートに送ってください。", c.status, what.JA))
	}
	return verify.Result{ID: id, Status: verify.Error, Message: msg, Detail: c.detail()}
}

func chkSetupError(id string, err error) verify.Result {
	return verify.Result{ID: id, Status: verify.Error,
		Message: steps.T("The LINE API address is not usable, so nothing could be checked. Check SETUP_WIZARD_LINE_API_URL.",
			"LINE APIのアドレスが使えないため、確認できませんでした。SETUP_WIZARD_LINE_API_URLを確認してください。"),
		Detail: probeTrim(steps.Clean(err.Error()), 200)}
}

// chkTokenRefused is the result when LINE refuses the channel access token on a bot call.
func chkTokenRefused(id string, c chkCall) verify.Result {
	return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect,
		Message: steps.T("LINE refused the channel access token (it is revoked, mistyped or belongs to another channel). Issue a long-lived token again in the Messaging API tab of the LINE Developers console and enter it.",
			"LINEがチャネルアクセストークンを受け付けませんでした（失効・入力ミス・別チャネルのもの）。LINE Developersコンソールの「Messaging API設定」タブで長期のトークンを発行し直して入力してください。"),
		Detail: c.detail()}
}

var chkWhatToken = steps.T("the channel access token", "チャネルアクセストークン")

// IsV21Token tells a channel access token v2.1 (a JWT: "eyJ…" in three dot-separated
// parts) from the others, which are verified elsewhere.
func IsV21Token(tok string) bool {
	return strings.HasPrefix(tok, "eyJ") && strings.Count(tok, ".") == 2
}

// chkVerifyV21 is GET /oauth2/v2.1/verify?access_token=… (FACTS.md). The SDK's variant
// sends another parameter name, so the call is made here.
func chkVerifyV21(ctx context.Context, env *verify.Env, tok string) (*channel_access_token.VerifyChannelAccessTokenResponse, chkCall) {
	const call = "GET /oauth2/v2.1/verify"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(chkAPI(env), "/")+"/oauth2/v2.1/verify?"+url.Values{"access_token": {tok}}.Encode(), nil)
	if err != nil {
		return nil, chkCall{call: call, err: err, ctx: ctx}
	}
	res, err := chkHTTP(env).Do(req)
	if err != nil {
		return nil, chkCall{call: call, err: err, ctx: ctx}
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		return nil, chkOutcome(ctx, call, res, errors.New("not 2xx"))
	}
	var body channel_access_token.VerifyChannelAccessTokenResponse
	if err := json.NewDecoder(io.LimitReader(res.Body, 64<<10)).Decode(&body); err != nil {
		return nil, chkCall{call: call, status: res.StatusCode, badBody: true, ctx: ctx}
	}
	return &body, chkCall{call: call, status: res.StatusCode, ctx: ctx}
}

func chkRunToken(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.token"
	tok := env.Answers.Get(chkKeyToken)
	var body *channel_access_token.VerifyChannelAccessTokenResponse
	var c chkCall
	v21 := IsV21Token(tok)
	if v21 {
		body, c = chkVerifyV21(ctx, env, tok)
	} else {
		api, err := chkTokens(ctx, env)
		if err != nil {
			return chkSetupError(id, err)
		}
		var res *http.Response
		res, body, err = api.VerifyChannelTokenWithHttpInfo(tok)
		c = chkOutcome(ctx, "POST /v2/oauth/verify", res, err)
		if err != nil {
			body = nil
		}
	}
	switch {
	case body != nil && strings.TrimSpace(body.ClientId) != "":
		ch := steps.Clean(strings.TrimSpace(body.ClientId))
		r := verify.Result{ID: id, Status: verify.Pass,
			Message: steps.T("The channel access token is valid; it belongs to Messaging API channel "+ch+".",
				"チャネルアクセストークンは有効です（Messaging APIチャネル"+ch+"のもの）。"),
			Learnt: map[string]string{chkKeyChannelID: ch}}
		if v21 {
			at := chkNow(env)().Add(time.Duration(body.ExpiresIn) * time.Second).UTC()
			days := body.ExpiresIn / 86400
			r.Detail = fmt.Sprintf("channel access token v2.1, expires_in %d s (%s)", body.ExpiresIn, at.Format(time.RFC3339))
			r.Message = steps.T(fmt.Sprintf("The channel access token v2.1 is valid; it belongs to Messaging API channel %s and expires on %s UTC (in %d days). After that the CMS can no longer reach LINE: renew it in time, or use a long-lived token, which does not expire.", ch, at.Format("2006-01-02 15:04"), days),
				fmt.Sprintf("チャネルアクセストークンv2.1は有効です（Messaging APIチャネル%sのもの）。有効期限は%s（UTC、あと%d日）です。期限が過ぎるとCMSからLINEに接続できなくなります。期限前に更新するか、期限のない長期のトークンを使ってください。", ch, at.Format("2006-01-02 15:04"), days))
		}
		if given := env.Answers.Get(chkKeyChannelID); given != "" && given != ch {
			r.Status = verify.Warn
			r.Message = steps.T("The channel access token is valid, but it belongs to channel "+ch+", not "+steps.Clean(given)+" as entered. The wizard will use "+ch+"; make sure the token was copied from the right channel.",
				"チャネルアクセストークンは有効ですが、入力されたチャネル"+steps.Clean(given)+"ではなくチャネル"+ch+"のものです。"+ch+"を使います。正しいチャネルからコピーしたか確認してください。")
		}
		return r
	case c.status/100 == 2:
		c.badBody = true
		return chkCouldNotTell(id, chkWhatToken, c)
	case c.status == http.StatusBadRequest:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect,
			Message: steps.T("The channel access token is not valid (revoked, expired or mistyped). Issue a long-lived token again in the Messaging API tab of the LINE Developers console and enter it.",
				"チャネルアクセストークンが無効です（失効・期限切れ・入力ミス）。LINE Developersコンソールの「Messaging API設定」タブで長期のトークンを発行し直して入力してください。"),
			Detail: c.detail()}
	}
	return chkCouldNotTell(id, chkWhatToken, c)
}

// chkRunVerified asks for one follower ID: LINE answers that only for verified or
// premium accounts (FACTS.md), so 403 means neither. Only a warning: the shop works
// without the badge, it is just not found by search.
func chkRunVerified(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.verified"
	api, err := chkMessaging(ctx, env)
	if err != nil {
		return chkSetupError(id, err)
	}
	res, body, err := api.GetFollowersWithHttpInfo("", 1)
	c := chkOutcome(ctx, "GET /v2/bot/followers/ids?limit=1", res, err)
	switch {
	case c.status/100 == 2 && err == nil && body != nil:
		return verify.Result{ID: id, Status: verify.Pass, Detail: c.detail(),
			Message: steps.T("The account is verified (or premium): LINE lets it read its followers, which only such accounts may.",
				"アカウントは認証済（またはプレミアム）です。LINEがフォロワーの取得を許可しており、これは認証済かプレミアムのアカウントだけです。")}
	case c.status == http.StatusForbidden:
		return verify.Result{ID: id, Status: verify.Warn, Step: chkStepVerify, Detail: c.detail(),
			Message: steps.T("The account is not verified yet (its badge is grey): LINE refuses it the followers API, which only verified or premium accounts may use. Everything else works, but customers cannot find the shop by searching in LINE. Request verification (the account verification step) if not done; LINE answers by e-mail.",
				"アカウントはまだ認証済ではありません（バッジがグレー）。認証済かプレミアムのアカウントしか使えないフォロワー取得をLINEが拒否しました。ほかは動きますが、お客様がLINEの検索でお店を見つけられません。まだなら認証を申請してください（アカウント認証の手順）。結果はLINEからメールで届きます。")}
	case c.status == http.StatusUnauthorized:
		return chkTokenRefused(id, c)
	case c.status/100 == 2:
		c.badBody = true
	}
	return chkCouldNotTell(id, steps.T("whether the account is verified", "アカウントが認証済かどうか"), c)
}

// chkStateless proves a channel ID and secret with a stateless token, which has no side
// effect (the short-lived token API would revoke the shop's oldest token).
func chkStateless(ctx context.Context, env *verify.Env, channelID, secret string) (chkCall, error) {
	api, err := chkTokens(ctx, env)
	if err != nil {
		return chkCall{}, err
	}
	res, body, err := api.IssueStatelessChannelTokenWithHttpInfo("client_credentials", "", "", channelID, secret)
	c := chkOutcome(ctx, "POST /oauth2/v3/token", res, err)
	if err == nil && (body == nil || body.AccessToken == "") {
		c.badBody, c.status = true, http.StatusOK
	}
	return c, nil
}

func chkRunSecret(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.secret"
	what := steps.T("the channel secret", "チャネルシークレット")
	ch := env.Answers.Get(chkKeyChannelID)
	if ch == "" {
		return verify.Result{ID: id, Status: verify.Error,
			Message: steps.T("The channel ID is not known yet (the token check did not report it), so the channel secret could not be checked.",
				"チャネルIDがまだ分からない（トークンの確認で得られなかった）ため、チャネルシークレットを確認できませんでした。")}
	}
	c, err := chkStateless(ctx, env, ch, env.Answers.Get(chkKeySecret))
	if err != nil {
		return chkSetupError(id, err)
	}
	switch {
	case c.status/100 == 2 && !c.badBody:
		return verify.Result{ID: id, Status: verify.Pass,
			Message: steps.T("The channel secret belongs to channel "+steps.Clean(ch)+", the channel of the token.",
				"チャネルシークレットはトークンと同じチャネル"+steps.Clean(ch)+"のものです。")}
	case c.status == http.StatusBadRequest:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect,
			Message: steps.T("The channel secret does not belong to the channel of this token (channel "+steps.Clean(ch)+"). Copy it again from the Basic settings tab of that Messaging API channel.",
				"チャネルシークレットがこのトークンのチャネル（"+steps.Clean(ch)+"）のものではありません。そのMessaging APIチャネルの「チャネル基本設定」タブからもう一度コピーしてください。"),
			Detail: c.detail()}
	}
	return chkCouldNotTell(id, what, c)
}

func chkRunLoginSecret(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.login.secret"
	what := steps.T("the LINE Login channel secret", "LINEログインチャネルのチャネルシークレット")
	ch := env.Answers.Get(chkKeyLoginID)
	c, err := chkStateless(ctx, env, ch, env.Answers.Get(chkKeyLoginSecret))
	if err != nil {
		return chkSetupError(id, err)
	}
	switch {
	case c.status/100 == 2 && !c.badBody:
		return verify.Result{ID: id, Status: verify.Pass,
			Message: steps.T("The LINE Login channel ID "+steps.Clean(ch)+" and its channel secret match.",
				"LINEログインチャネルのチャネルID "+steps.Clean(ch)+"とチャネルシークレットは一致しています。")}
	case c.status == http.StatusBadRequest:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect,
			Message: steps.T("LINE does not accept this channel ID and channel secret as a pair: one of them is mistyped or comes from another channel. Copy both again from the Basic settings tab of the LINE Login channel.",
				"LINEがこのチャネルIDとチャネルシークレットの組み合わせを受け付けませんでした。どちらかが入力ミスか、別のチャネルのものです。LINEログインチャネルの「チャネル基本設定」タブから両方をもう一度コピーしてください。"),
			Detail: c.detail()}
	}
	return chkCouldNotTell(id, what, c)
}

var chkWhatBot = steps.T("the bot's settings", "ボットの設定")

// chkBotInfo fetches the bot profile; c tells how the call ended.
func chkBotInfo(ctx context.Context, env *verify.Env) (*messaging_api.BotInfoResponse, chkCall, error) {
	api, err := chkMessaging(ctx, env)
	if err != nil {
		return nil, chkCall{}, err
	}
	res, body, err := api.GetBotInfoWithHttpInfo()
	c := chkOutcome(ctx, "GET /v2/bot/info", res, err)
	if err == nil && (body == nil || body.BasicId == "") {
		c.badBody, c.status = true, http.StatusOK
	}
	if c.badBody || err != nil {
		return nil, c, nil
	}
	return body, c, nil
}

func chkRunBot(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.bot"
	bot, c, err := chkBotInfo(ctx, env)
	if err != nil {
		return chkSetupError(id, err)
	}
	if bot == nil {
		if c.status == http.StatusUnauthorized {
			return chkTokenRefused(id, c)
		}
		return chkCouldNotTell(id, chkWhatBot, c)
	}
	name := steps.Clean(bot.DisplayName)
	basic := steps.Clean(bot.BasicId)
	learnt := map[string]string{chkKeyBasicID: basic}
	if bot.PremiumId != "" {
		learnt[chkKeyPremiumID] = steps.Clean(bot.PremiumId)
	}
	detail := fmt.Sprintf("basicId %s, chatMode %s, markAsReadMode %s", basic, steps.Clean(string(bot.ChatMode)), steps.Clean(string(bot.MarkAsReadMode)))
	if bot.ChatMode != messaging_api.BotInfoResponseCHAT_MODE_CHAT {
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepChatOn, Learnt: learnt, Detail: detail,
			Message: steps.T("Chat is OFF for "+name+" ("+basic+"), so customers' messages cannot reach the shop's chat. In LINE Official Account Manager, open Settings > Response settings and switch Chat ON.",
				name+"（"+basic+"）のチャットがオフのため、お客様からのメッセージをチャットで受け取れません。LINE公式アカウントマネージャーの「設定」＞「応答設定」でチャットをオンにしてください。")}
	}
	if want := strings.TrimSpace(env.Answers.Get(chkKeyAccountName)); want != "" && !strings.EqualFold(strings.TrimSpace(name), steps.Clean(want)) {
		w := steps.Clean(want)
		return verify.Result{ID: id, Status: verify.Warn, Step: chkStepCollect, Learnt: learnt, Detail: detail,
			Message: steps.T(`The bot is reachable and Chat is on, but LINE shows its name as "`+name+`" while you entered "`+w+`". If that is the same account, correct the account name; if not, the token belongs to another account.`,
				`ボットに接続でき、チャットもオンですが、LINE上の名前は「`+name+`」で、入力された「`+w+`」と違います。同じアカウントならアカウント名を直してください。違うなら、トークンが別のアカウントのものです。`)}
	}
	return verify.Result{ID: id, Status: verify.Pass, Learnt: learnt, Detail: detail,
		Message: steps.T("The bot "+name+" ("+basic+") is reachable and Chat is on.",
			"ボット"+name+"（"+basic+"）に接続でき、チャットもオンです。")}
}

func chkRunFriendURL(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.friend_url"
	raw := env.Answers.Get(chkKeyFriendURL)
	shown := probeTrim(steps.Clean(raw), 120)
	basic, premium := env.Answers.Get(chkKeyBasicID), env.Answers.Get(chkKeyPremiumID)
	if basic == "" {
		// Run on its own (without line.bot's findings): ask LINE for the IDs.
		bot, c, err := chkBotInfo(ctx, env)
		if err != nil {
			return chkSetupError(id, err)
		}
		if bot == nil {
			if c.status == http.StatusUnauthorized {
				return chkTokenRefused(id, c)
			}
			return chkCouldNotTell(id, steps.T("the add-friend URL", "友だち追加URL"), c)
		}
		basic, premium = steps.Clean(bot.BasicId), steps.Clean(bot.PremiumId)
	}
	ids := basic
	if premium != "" {
		ids += " / " + premium
	}
	target, short, ok := probeFriendID(raw)
	if !ok {
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect,
			Message: steps.T("The add-friend URL "+shown+" is neither a https://lin.ee/… link nor a https://line.me/R/ti/p/… link, so it names no account. Copy it again from LINE Official Account Manager (Home > Gain friends > Add friend guide > Create URL).",
				"友だち追加URL "+shown+"はhttps://lin.ee/… でもhttps://line.me/R/ti/p/… でもないため、アカウントを特定できません。LINE公式アカウントマネージャー（ホーム＞「友だちを増やす」＞「友だち追加ガイド」＞「URLを作成」）からもう一度コピーしてください。")}
	}
	detail := "URL names " + probeTrim(steps.Clean(target), 60) + "; bot is " + ids
	if short {
		resolved, reason := probeLinEE(ctx, env, target)
		if resolved == "" {
			return verify.Result{ID: id, Status: verify.Warn, Detail: "lin.ee/" + probeTrim(steps.Clean(target), 40) + ": " + reason,
				Message: steps.T("Could not find out which account "+shown+" leads to. Open it on a phone and make sure it shows the add-friend page of "+basic+".",
					shown+"がどのアカウントにつながるか確認できませんでした。スマートフォンで開き、"+basic+"の友だち追加画面が出ることを確かめてください。")}
		}
		detail = "lin.ee/" + probeTrim(steps.Clean(target), 40) + " leads to " + probeTrim(steps.Clean(resolved), 60) + "; bot is " + ids
		target = resolved
	}
	if probeSameAccount(target, basic) || probeSameAccount(target, premium) {
		return verify.Result{ID: id, Status: verify.Pass, Detail: detail,
			Message: steps.T("The add-friend URL leads to this bot ("+ids+").",
				"友だち追加URLはこのボット（"+ids+"）につながっています。")}
	}
	other := probeTrim(steps.Clean(target), 60)
	return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect, Detail: detail,
		Message: steps.T("The add-friend URL leads to account "+other+", not to this bot ("+ids+"). Customers would befriend the wrong account. Copy the URL again from the Official Account of this channel.",
			"友だち追加URLはこのボット（"+ids+"）ではなくアカウント"+other+"につながっています。お客様が別のアカウントを友だち追加してしまいます。このチャネルの公式アカウントからURLをもう一度コピーしてください。")}
}

var chkWhatWebhook = steps.T("the webhook URL", "Webhook URL")

func chkRunWebhookSet(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.webhook.set"
	if !env.Answers.Bool(chkKeySetWebhook) {
		return verify.Result{ID: id, Status: verify.Skipped,
			Message: steps.T("The webhook URL was not written through the API: you did not allow it.",
				"許可がないため、Webhook URLをAPIで設定しませんでした。")}
	}
	want := env.Answers.Get(chkKeyWebhookURL)
	shown := probeTrim(steps.Clean(want), 120)
	api, err := chkMessaging(ctx, env)
	if err != nil {
		return chkSetupError(id, err)
	}
	res, _, err := api.SetWebhookEndpointWithHttpInfo(&messaging_api.SetWebhookEndpointRequest{Endpoint: want})
	c := chkOutcome(ctx, "PUT /v2/bot/channel/webhook/endpoint", res, err)
	switch {
	case c.status/100 == 2 && !c.badBody:
		return verify.Result{ID: id, Status: verify.Pass,
			Message: steps.T("The webhook URL "+shown+" was saved at LINE. LINE may take up to a minute to start using it.",
				"Webhook URL "+shown+"をLINEに設定しました。反映まで最大1分ほどかかることがあります。")}
	case c.status == http.StatusBadRequest:
		said := c.message
		if said == "" {
			said = "HTTP 400"
		}
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail(),
			Message: steps.T(`LINE refused the webhook URL `+shown+` ("`+said+`"). It must start with https://, be at most 500 characters and point to the CMS. Check the URL the CMS gave you.`,
				`LINEがWebhook URL `+shown+`を受け付けませんでした（「`+said+`」）。https://で始まり500文字以内で、CMSを指している必要があります。CMSから受け取ったURLを確認してください。`)}
	case c.status == http.StatusUnauthorized:
		return chkTokenRefused(id, c)
	}
	return chkCouldNotTell(id, chkWhatWebhook, c)
}

// chkSleep and chkNow are env's clock or the real one.
func chkSleep(env *verify.Env) func(context.Context, time.Duration) error {
	if env.Sleep != nil {
		return env.Sleep
	}
	return func(ctx context.Context, d time.Duration) error {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func chkNow(env *verify.Env) func() time.Time {
	if env.Now != nil {
		return env.Now
	}
	return time.Now
}

func chkRunWebhookActive(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.webhook.active"
	want := env.Answers.Get(chkKeyWebhookURL)
	shown := probeTrim(steps.Clean(want), 120)
	// Whether line.webhook.set wrote the URL in this run: the operator's answer, as in its
	// Applies (--set-webhook only presets that answer; a walk may turn it to no). Waiting
	// for LINE's cache, or saying that LINE accepted the URL, when nothing was written
	// would be a minute lost and a false statement.
	wasSet := env.Answers.Bool(chkKeySetWebhook)
	api, err := chkMessaging(ctx, env)
	if err != nil {
		return chkSetupError(id, err)
	}
	now, sleep := chkNow(env), chkSleep(env)
	deadline := now().Add(chkWebhookWait)
	for {
		res, body, err := api.GetWebhookEndpointWithHttpInfo()
		c := chkOutcome(ctx, "GET /v2/bot/channel/webhook/endpoint", res, err)
		if err == nil && body == nil {
			c.badBody, c.status = true, http.StatusOK
		}
		var seen string
		switch {
		case c.status/100 == 2 && !c.badBody:
			seen = strings.TrimSpace(body.Endpoint)
			if seen == want {
				if body.Active {
					return verify.Result{ID: id, Status: verify.Pass, Detail: "endpoint matches, active true",
						Message: steps.T("LINE has the webhook URL "+shown+" and \"Use webhook\" is on.",
							"LINEにWebhook URL "+shown+"が設定され、「Webhookの利用」もオンです。")}
				}
				return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: "endpoint matches, active false",
					Message: steps.T("The webhook URL is set, but \"Use webhook\" is off, so LINE sends nothing to the CMS. No API can switch it: in the LINE Developers console, open the Messaging API tab of the channel and switch \"Use webhook\" on.",
						"Webhook URLは設定されていますが、「Webhookの利用」がオフのため、LINEからCMSに何も届きません。これはAPIでは切り替えられません。LINE Developersコンソールでチャネルの「Messaging API設定」タブを開き、「Webhookの利用」をオンにしてください。")}
			}
			if !wasSet {
				other := probeTrim(steps.Clean(seen), 120)
				return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail() + ": endpoint differs",
					Message: steps.T("LINE sends webhooks to "+other+", not to the CMS URL "+shown+". Allow the wizard to set it (answer yes at the webhook step, or run with --set-webhook), or paste the URL into \"Webhook URL\" in the Messaging API tab of the LINE Developers console.",
						"LINEのWebhookの送信先は"+other+"で、CMSのURL "+shown+"ではありません。ウィザードに設定を任せる（Webhookの手順で「はい」を選ぶか--set-webhookを付けて実行する）か、LINE Developersコンソールの「Messaging API設定」タブの「Webhook URL」に貼り付けてください。")}
			}
		case c.status == http.StatusNotFound:
			if !wasSet {
				return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail(),
					Message: steps.T("No webhook URL is saved at LINE, so messages from customers never reach the CMS. Allow the wizard to set "+shown+" (answer yes at the webhook step, or run with --set-webhook), or paste it into \"Webhook URL\" in the Messaging API tab of the LINE Developers console.",
						"LINEにWebhook URLが設定されていないため、お客様からのメッセージがCMSに届きません。ウィザードに"+shown+"の設定を任せる（Webhookの手順で「はい」を選ぶか--set-webhookを付けて実行する）か、LINE Developersコンソールの「Messaging API設定」タブの「Webhook URL」に貼り付けてください。")}
			}
		case c.status == http.StatusUnauthorized:
			return chkTokenRefused(id, c)
		default:
			return chkCouldNotTell(id, chkWhatWebhook, c)
		}
		// The URL was just written: LINE's cache may still show the old one.
		left := deadline.Sub(now())
		if left <= 0 {
			still := steps.T("no webhook URL", "Webhook URLなし")
			if seen != "" {
				s := probeTrim(steps.Clean(seen), 120)
				still = steps.T(s, s)
			}
			return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail() + ": not applied after 60 s",
				Message: steps.T("LINE accepted the webhook URL, but after a minute it still shows "+still.EN+". Run the check again in a few minutes; if it stays so, paste "+shown+" into \"Webhook URL\" in the Messaging API tab of the LINE Developers console.",
					"LINEはWebhook URLを受け付けましたが、1分たっても「"+still.JA+"」のままです。数分後にもう一度確認し、変わらなければLINE Developersコンソールの「Messaging API設定」タブの「Webhook URL」に"+shown+"を貼り付けてください。")}
		}
		if env.Progress != nil {
			s := int((left + time.Second - 1) / time.Second)
			env.Progress(id, steps.T(fmt.Sprintf("Waiting for LINE to apply the webhook URL: %d s left", s),
				fmt.Sprintf("LINEがWebhook URLを反映するのを待っています：残り%d秒", s)))
		}
		wait := chkWebhookInterval
		if left < wait {
			wait = left
		}
		if err := sleep(ctx, wait); err != nil {
			return chkCouldNotTell(id, chkWhatWebhook, chkCall{call: "waiting for LINE's cache", err: err, ctx: ctx})
		}
	}
}

func chkRunWebhookTest(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.webhook.test"
	want := env.Answers.Get(chkKeyWebhookURL)
	shown := probeTrim(steps.Clean(want), 120)
	api, err := chkMessaging(ctx, env)
	if err != nil {
		return chkSetupError(id, err)
	}
	res, body, err := api.TestWebhookEndpointWithHttpInfo(&messaging_api.TestWebhookEndpointRequest{Endpoint: want})
	c := chkOutcome(ctx, "POST /v2/bot/channel/webhook/test", res, err)
	if err == nil && body == nil {
		c.badBody, c.status = true, http.StatusOK
	}
	switch {
	case c.status/100 == 2 && !c.badBody:
		reason := probeTrim(steps.Clean(body.Reason), 40)
		detail := fmt.Sprintf("success %t, statusCode %d, reason %s, detail %s", body.Success, body.StatusCode, reason, probeTrim(steps.Clean(body.Detail), 200))
		if body.Success {
			return verify.Result{ID: id, Status: verify.Pass, Detail: detail,
				Message: steps.T(fmt.Sprintf("LINE sent a test event to %s and the CMS answered (HTTP %d).", shown, body.StatusCode),
					fmt.Sprintf("LINEから%sにテストイベントを送り、CMSが応答しました（HTTP %d）。", shown, body.StatusCode))}
		}
		msg, step := chkTestFailure(shown, reason, body.StatusCode, probeTrim(steps.Clean(body.Detail), 200))
		return verify.Result{ID: id, Status: verify.Fail, Step: step, Detail: detail, Message: msg}
	case c.status == http.StatusNotFound:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail(),
			Message: steps.T("LINE has no webhook URL to test. Set "+shown+" at the webhook step first.",
				"LINEにテストするWebhook URLがありません。先にWebhookの手順で"+shown+"を設定してください。")}
	case c.status == http.StatusBadRequest:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepWebhook, Detail: c.detail(),
			Message: steps.T("LINE refused to test "+shown+" (HTTP 400). Either the URL is malformed (it must be https:// and at most 500 characters), or its host name does not resolve (the domain has no DNS record yet, or is mistyped). Check the URL against the one the CMS shows; if it is the same, ask whoever runs the CMS's domain to check its DNS.",
				"LINEが"+shown+"のテストを受け付けませんでした（HTTP 400）。URLの形が正しくない（https://で500文字以内である必要があります）か、ホスト名が引けない（ドメインのDNSがまだ無い、または綴りが違う）かのどちらかです。CMSに表示されているURLと見比べ、同じならCMSのドメインの管理者にDNSを確認してもらってください。")}
	case c.status == http.StatusUnauthorized:
		return chkTokenRefused(id, c)
	case c.status == http.StatusTooManyRequests:
		r := chkCouldNotTell(id, chkWhatWebhook, c)
		r.Message = steps.T("LINE allows 60 webhook tests an hour and that limit is reached. Try again later.",
			"Webhookのテストは1時間に60回までで、上限に達しています。時間をおいてもう一度試してください。")
		return r
	}
	return chkCouldNotTell(id, chkWhatWebhook, c)
}

// chkTestFailure explains a failed webhook test in the operator's terms, by what the CMS
// answered (statusCode is the CMS's own HTTP status; ≤ 0 when nothing answered) and by
// LINE's reason, and names the step where the fix is.
func chkTestFailure(url, reason string, status int32, detail string) (steps.Text, string) {
	said := fmt.Sprintf(" (LINE: %s, %q)", reason, detail)
	saidJA := fmt.Sprintf("（LINE：%s、%q）", reason, detail)
	switch {
	case status == 400 || status == 401 || status == 403:
		// LINE's SDK examples answer 400 to a bad x-line-signature (FACTS.md).
		return steps.T(fmt.Sprintf("The CMS at %s refused LINE's test with HTTP %d%s. Most likely it holds another channel secret than this channel's, so LINE's signature does not match. Paste this Messaging API channel's secret into the CMS again (the CMS step), save, and test again.", url, status, said),
			fmt.Sprintf("%sのCMSがLINEのテストをHTTP %dで拒否しました%s。CMSにこのチャネルとは別のチャネルシークレットが入っていて、LINEの署名が合わない可能性が高いです。このMessaging APIチャネルのチャネルシークレットをCMSにもう一度貼り付けて保存し（CMSの手順）、もう一度テストしてください。", url, status, saidJA)), chkStepCMS
	case status == 404 || status == 405:
		return steps.T(fmt.Sprintf("The CMS answered LINE's test with HTTP %d%s: nothing takes webhooks at the path of %s. The path of the webhook URL is wrong: copy the webhook URL again from the CMS, exactly as it shows it.", status, said, url),
			fmt.Sprintf("CMSがLINEのテストにHTTP %dで応答しました%s。%sのパスではWebhookを受け付けていません。Webhook URLのパスが違います。CMSに表示されているWebhook URLをそのままもう一度コピーしてください。", status, saidJA, url)), chkStepWebhook
	case status >= 500:
		return steps.T(fmt.Sprintf("The CMS at %s failed while answering LINE's test (HTTP %d)%s. The fault is on the CMS's side: ask the CMS provider, then test again.", url, status, said),
			fmt.Sprintf("%sのCMSがLINEのテストへの応答中にエラーになりました（HTTP %d）%s。CMS側の問題です。CMSの提供元に問い合わせてから、もう一度テストしてください。", url, status, saidJA)), chkStepWebhook
	case reason == "COULD_NOT_CONNECT":
		return steps.T("LINE could not connect to "+url+said+": the CMS server is unreachable from the internet. Check that the URL is right, that the server is up, and that the site has a valid HTTPS certificate from a public authority (self-signed ones are refused, TLS 1.2 or later).",
			"LINEが"+url+"に接続できませんでした"+saidJA+"。インターネットからCMSのサーバーに届きません。URLが正しいか、サーバーが動いているか、サイトに公的な認証局の有効なHTTPS証明書があるか（自己署名は不可、TLS 1.2以上）を確認してください。"), chkStepWebhook
	case reason == "REQUEST_TIMEOUT":
		return steps.T("The CMS at "+url+" answered slower than 2 seconds"+said+", and LINE gives up after 2 seconds. Ask the CMS provider to answer LINE's webhook at once (and do the work afterwards).",
			url+"のCMSの応答が2秒より遅く"+saidJA+"、LINEは2秒で打ち切ります。LINEのWebhookにはすぐ応答し、処理はその後で行うようCMSの提供元に依頼してください。"), chkStepWebhook
	case reason == "ERROR_STATUS_CODE":
		return steps.T(fmt.Sprintf("The CMS at %s answered LINE's test with HTTP %d%s instead of 200. Ask the CMS provider what that status means.", url, status, said),
			fmt.Sprintf("%sのCMSがLINEのテストに200ではなくHTTP %dで応答しました%s。そのステータスの意味をCMSの提供元に問い合わせてください。", url, status, saidJA)), chkStepWebhook
	}
	return steps.T("LINE's test of "+url+" failed for a reason LINE does not classify"+said+". Try the test again; if it keeps failing, send the detail to the CMS provider.",
		url+"のテストが、LINEが分類しない理由で失敗しました"+saidJA+"。もう一度テストし、続く場合は詳細をCMSの提供元に送ってください。"), chkStepWebhook
}

// chkKeyCallbackConfirmed holds what the operator confirmed about the callback URL, so
// that a later run (the final re-check) still knows: "<Login channel ID> <callback URL>"
// after they saw LINE accept it signed in, "refused " + that after they saw LINE's 400
// page. For another channel ID or URL it means nothing.
const chkKeyCallbackConfirmed = "flow.line.callback_confirmed"

func chkConfirmedPair(ch, cb string) string {
	return strings.TrimSpace(ch) + " " + strings.TrimSpace(cb)
}

// ConfirmURL is the authorize request the operator opens in a browser signed in to LINE
// to see whether LINE accepts the callback URL (no PKCE: nothing is ever exchanged).
func ConfirmURL(accessBase, clientID, redirectURI string) string {
	q := url.Values{
		"response_type": {"code"},
		"client_id":     {clientID},
		"redirect_uri":  {redirectURI},
		"state":         {"setupwizard"},
		"scope":         {"profile openid"},
	}
	return strings.TrimRight(accessBase, "/") + "/oauth2/v2.1/authorize?" + q.Encode()
}

// chkCallbackUnregistered is the message when LINE refused the callback URL.
func chkCallbackUnregistered(shown string) steps.Text {
	return steps.T("LINE does not know the callback URL "+shown+", so customers' logins would stop at LINE's \"400 Bad Request / Invalid redirect_uri value\" page. In the LINE Developers console, open the Login channel's LINE Login tab and add exactly this URL under \"Callback URL\", then check again. (If the Login channel ID is wrong, LINE says the same: line.login.secret would then fail too.)",
		"LINEにコールバックURL "+shown+"が登録されていないため、お客様のログインがLINEの「400 Bad Request / Invalid redirect_uri value」の画面で止まります。LINE DevelopersコンソールでLINEログインチャネルの「LINEログイン設定」タブを開き、「コールバックURL」にこのURLをそのまま追加してから、もう一度確認してください。（チャネルIDが違う場合も同じ表示になり、その場合はline.login.secretも失敗します。）")
}

// chkCallbackConfirmed is the pass message once the operator said LINE accepted the
// callback URL: it says who confirmed it, since the wizard could not.
func chkCallbackConfirmed(shown string) steps.Text {
	return steps.T("You confirmed in a browser signed in to LINE that the callback URL "+shown+" is registered in the LINE Login channel. (The wizard cannot check this itself: LINE shows it only to signed-in visitors.)",
		"LINEにログインしたブラウザで、コールバックURL "+shown+"がLINEログインチャネルに登録されていることをあなたが確認しました。（LINEはログインした人にしか見せないため、ウィザード自身では確認できません。）")
}

// chkCallbackConfirm is the question that settles what the probe cannot tell.
func chkCallbackConfirm(openURL, ch, cb, shown string) *verify.Confirmation {
	registered := chkCallbackConfirmed(shown)
	yes := map[string]string{chkKeyCallbackConfirmed: chkConfirmedPair(ch, cb)}
	return &verify.Confirmation{
		URL: openURL,
		Question: steps.T("Open the address in a browser where you are signed in to LINE. What did LINE show?",
			"LINEにログインしているブラウザでアドレスを開いてください。LINEには何が表示されましたか？"),
		Answers: []verify.ConfirmAnswer{
			{Label: steps.T("A consent screen (the channel asks for permission)", "同意画面（チャネルが許可を求める画面）"),
				Status: verify.Pass, Message: registered, Learnt: yes},
			{Label: steps.T("It went on to the shop's site (the CMS)", "そのままショップのサイト（CMS）に移った"),
				Status: verify.Pass, Message: registered, Learnt: yes},
			{Label: steps.T(`"400 Bad Request / Invalid redirect_uri value"`, "「400 Bad Request / Invalid redirect_uri value」"),
				Status: verify.Fail, Step: chkStepCallback, Message: chkCallbackUnregistered(shown),
				Learnt: map[string]string{chkKeyCallbackConfirmed: "refused " + chkConfirmedPair(ch, cb)}},
		},
	}
}

func chkRunCallback(ctx context.Context, env *verify.Env) verify.Result {
	const id = "line.login.callback"
	ch := env.Answers.Get(chkKeyLoginID)
	cb := env.Answers.Get(chkKeyCallbackURL)
	shown := probeTrim(steps.Clean(cb), 200)
	base := env.URLs.LineAccess
	if base == "" {
		base = "https://access.line.me"
	}
	ans, err := probeGet(ctx, env, probeAuthorizeURL(base, ch, cb))
	if err != nil {
		return chkCouldNotTell(id, steps.T("the callback URL", "コールバックURL"), chkCall{call: "GET /oauth2/v2.1/authorize", err: err, ctx: ctx})
	}
	verdict, detail := ClassifyAuthorize(ans.status, ans.location, ans.body)
	if verdict == CallbackUnknown && (ans.status == http.StatusTooManyRequests || ans.status >= 500) {
		r := chkCouldNotTell(id, steps.T("the callback URL", "コールバックURL"), chkCall{call: "GET /oauth2/v2.1/authorize", status: ans.status, ctx: ctx})
		r.Detail = "GET /oauth2/v2.1/authorize: " + detail
		return r
	}
	switch verdict {
	case CallbackRegistered:
		return verify.Result{ID: id, Status: verify.Pass, Detail: detail,
			Message: steps.T("The callback URL "+shown+" is registered in the LINE Login channel: LINE sent the request back to it.",
				"コールバックURL "+shown+"はLINEログインチャネルに登録されています（LINEがこのURLにリクエストを返しました）。")}
	case CallbackLoginPage:
		open := ConfirmURL(base, ch, cb)
		switch env.Answers.Get(chkKeyCallbackConfirmed) {
		case "refused " + chkConfirmedPair(ch, cb):
			// What the operator saw stands until they look again (the question is asked
			// again, so a fix in the console can be confirmed).
			return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCallback, Detail: verify.ConfirmedDetail + ": LINE showed its 400 page; " + detail,
				Confirm: chkCallbackConfirm(open, ch, cb, shown), Message: chkCallbackUnregistered(shown)}
		case chkConfirmedPair(ch, cb):
			return verify.Result{ID: id, Status: verify.Pass, Detail: verify.ConfirmedDetail + "; " + detail,
				Message: chkCallbackConfirmed(shown)}
		}
		return verify.Result{ID: id, Status: verify.Warn, Step: chkStepCallback, Detail: detail,
			Confirm: chkCallbackConfirm(open, ch, cb, shown),
			Message: steps.T("Cannot tell whether the callback URL "+shown+" is registered: LINE sends every visitor who is not signed in to its login page first, and checks the callback URL only after sign-in. To find out, open "+open+" in a browser where you are signed in to LINE (while the channel is Developing, with an account that has a role on it). A consent screen, or a jump to the shop's site, means the URL is registered. \"400 Bad Request / Invalid redirect_uri value\" means it is not: add it exactly under \"Callback URL\" in the LINE Login tab of the Login channel.",
				"コールバックURL "+shown+"が登録されているかは、ここからは分かりません。LINEはログインしていない人をまずログイン画面に送り、コールバックURLはログイン後に初めて確かめるためです。確かめるには、LINEにログインしているブラウザで"+open+"を開いてください（チャネルが「開発中」の間は、チャネルに権限のあるアカウントで）。同意画面が出るか、ショップのサイトに移れば登録されています。「400 Bad Request / Invalid redirect_uri value」と出たら登録されていません。LINEログインチャネルの「LINEログイン設定」タブの「コールバックURL」にこのURLをそのまま追加してください。")}
	case CallbackUnregistered:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCallback, Detail: detail, Message: chkCallbackUnregistered(shown)}
	case CallbackWrongClientID:
		return verify.Result{ID: id, Status: verify.Fail, Step: chkStepCollect, Detail: detail,
			Message: steps.T("LINE does not know the LINE Login channel ID "+steps.Clean(ch)+". Copy it again from the Basic settings tab of the LINE Login channel.",
				"LINEログインのチャネルID "+steps.Clean(ch)+"がLINEに存在しません。LINEログインチャネルの「チャネル基本設定」タブからもう一度コピーしてください。")}
	}
	return verify.Result{ID: id, Status: verify.Error, Detail: detail,
		Message: steps.T("LINE's login page gave an answer the wizard does not recognise, so it could not tell whether "+shown+" is registered. Try again later, or check the \"Callback URL\" list in the LINE Login tab yourself.",
			"LINEのログイン画面の応答を判別できず、"+shown+"が登録されているか分かりませんでした。時間をおいて再度試すか、「LINEログイン設定」タブの「コールバックURL」をご自身で確認してください。")}
}

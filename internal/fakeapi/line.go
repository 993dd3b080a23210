package fakeapi

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/sample"
)

// LINEAccount is what the LINE emulator knows about one shop: its Messaging API channel,
// its bot, its LINE Login channel and its short links. A request that does not match it is
// refused the way LINE refuses it.
type LINEAccount struct {
	ChannelAccessToken string // long-lived token of the Messaging API channel
	ChannelID          string // Messaging API channel ID (client_id of the token)
	ChannelSecret      string

	BotUserID   string // "U" + 32 hex digits
	BasicID     string // with "@"
	PremiumID   string // with "@"; empty when the account has none
	DisplayName string

	LoginChannelID     string
	LoginChannelSecret string
	CallbackURLs       []string // registered in the Login channel's LINE Login tab

	// FriendLinks maps a lin.ee slug to the basic or premium ID it leads to.
	FriendLinks map[string]string

	// WebhookURL and WebhookActive are the webhook settings before anyone changes them.
	WebhookURL    string
	WebhookActive bool

	// Verified is the account's verification badge (or a premium account): only then does
	// GET /v2/bot/followers/ids answer 200; otherwise 403.
	Verified bool

	// V21Token is a channel access token v2.1 (JWT-shaped) of the Messaging API channel,
	// verified by GET /oauth2/v2.1/verify; V21ExpiresIn is its remaining life in seconds.
	V21Token     string
	V21ExpiresIn int
}

// LINESampleV21Token is a JWT-shaped channel access token v2.1 the sample account accepts
// (header, payload and signature are made up; nothing reads them).
const LINESampleV21Token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InNieC1raWQifQ." +
	"eyJpc3MiOiJodHRwczovL2FwaS5saW5lLm1lIiwic3ViIjoiMjAwMDAwMDAwMSIsImV4cCI6MjAwMDAwMDAwMH0." +
	"c2J4LXNpZ25hdHVyZS1ub3QtcmVhbC1zYngtc2lnbmF0dXJlLW5vdC1yZWFs_-Q"

// LINEOtherSlug is a lin.ee slug the default emulator resolves to another account, so the
// sandbox can show a mismatched add-friend URL.
const LINEOtherSlug = "SbxOthr"

// SampleLINEAccount is the account the sandbox offers: every value from internal/sample.
func SampleLINEAccount() LINEAccount {
	slug := strings.TrimPrefix(sample.AddFriendURL, "https://lin.ee/")
	return LINEAccount{
		ChannelAccessToken: sample.ChannelAccessToken,
		ChannelID:          sample.ChannelID,
		ChannelSecret:      sample.ChannelSecret,
		BotUserID:          "U4af4980629c0d6a1e2b3f4a5b6c7d8e9",
		BasicID:            sample.BasicID,
		DisplayName:        sample.AccountName,
		LoginChannelID:     sample.LoginChannelID,
		LoginChannelSecret: sample.LoginChannelSecret,
		CallbackURLs:       []string{sample.CallbackURL},
		FriendLinks:        map[string]string{slug: sample.BasicID, LINEOtherSlug: "@987othrz"},
		WebhookActive:      true,
		Verified:           true,
		V21Token:           LINESampleV21Token,
		V21ExpiresIn:       30 * 24 * 3600,
	}
}

// LINE emulates api.line.me, access.line.me and lin.ee on three loopback servers.
type LINE struct {
	api, access, linee *httptest.Server
	closing            chan struct{}
	closeOnce          sync.Once

	mu      sync.Mutex
	account LINEAccount
	now     func() time.Time
	delay   time.Duration // how long a PUT webhook takes to become visible

	knobs     map[string]bool
	latency   time.Duration
	cmsStatus int // webhook_test_cms_status: the CMS's answer to LINE's test; 0 = 200

	webhook       string // visible to GET
	active        bool
	pending       string // saved by PUT, visible from pendingAt on
	pendingAt     time.Time
	hasPending    bool
	issued        map[string]string // stateless tokens issued -> channel ID
	requests      map[string]int
	faultCalls    map[string]int // per path, for the "first calls fail" knobs
	testTimes     []time.Time    // webhook tests within the last hour
	webhookTests  int
	inFlight      int
	maxConcurrent int
}

// The knob names, in the order LINEKnobs lists them.
const (
	knobWrongToken       = "wrong_token"
	knobWrongSecret      = "wrong_secret"
	knobWrongLoginSecret = "wrong_login_secret"
	knobChatOff          = "chat_off"
	knobWebhookInactive  = "webhook_inactive"
	knobTestConnect      = "webhook_test_could_not_connect"
	knobTestTimeout      = "webhook_test_timeout"
	knobTestStatus       = "webhook_test_error_status"
	knobTestUnclassified = "webhook_test_unclassified"
	knobCallbackUnreg    = "callback_unregistered"
	knobAuthorizeAtOnce  = "authorize_validates_at_once"
	knobUnknownLoginID   = "login_channel_unknown"
	knobUnverified       = "unverified_account"
	knobTestCMSStatus    = "webhook_test_cms_status"
	knobTestBadURL       = "webhook_test_unresolvable"
	knobRateLimit        = "rate_limit"
	knobRateLimitRetry   = "rate_limit_retry_after"
	knobServerError      = "server_error"
	knobServerErrorOnce  = "server_error_once"
	knobHang             = "hang"
	knobBadJSON          = "bad_json"
	knobEscapes          = "escape_sequences"
	knobLatency          = "latency"
)

// LINEKnobs lists every failure the LINE emulator can show.
func LINEKnobs() []Knob {
	return []Knob{
		{knobWrongToken, "the channel access token is unknown: verify answers 400, bot calls 401",
			"チャネルアクセストークンが不明：verifyは400、ボットのAPIは401を返します"},
		{knobWrongSecret, "the Messaging API channel secret is refused by /oauth2/v3/token (400)",
			"Messaging APIのチャネルシークレットが/oauth2/v3/tokenで拒否されます（400）"},
		{knobWrongLoginSecret, "the LINE Login channel secret is refused by /oauth2/v3/token (400)",
			"LINEログインのチャネルシークレットが/oauth2/v3/tokenで拒否されます（400）"},
		{knobChatOff, "Chat is OFF in the OA Manager response settings (bot info says chatMode bot)",
			"OA Managerの応答設定でチャットがオフ（ボット情報のchatModeがbot）"},
		{knobWebhookInactive, `"Use webhook" is off: the webhook endpoint reads back with active false`,
			"「Webhookの利用」がオフ：Webhookエンドポイントを読み出すとactiveがfalse"},
		{knobTestConnect, "the webhook test reports COULD_NOT_CONNECT",
			"WebhookのテストがCOULD_NOT_CONNECTを返します"},
		{knobTestTimeout, "the webhook test reports REQUEST_TIMEOUT",
			"WebhookのテストがREQUEST_TIMEOUTを返します"},
		{knobTestStatus, "the webhook test reports ERROR_STATUS_CODE (the CMS answered 500)",
			"WebhookのテストがERROR_STATUS_CODEを返します（CMSが500を返した）"},
		{knobTestUnclassified, "the webhook test reports UNCLASSIFIED",
			"WebhookのテストがUNCLASSIFIEDを返します"},
		{knobTestCMSStatus + "=<code>", "the CMS answers LINE's test with that HTTP status (e.g. 401 wrong channel secret, 404 wrong path, 500)",
			"LINEからのテストにCMSがそのHTTPステータスで答えます（例：401はチャネルシークレットの誤り、404はパスの誤り、500）"},
		{knobTestBadURL, "the webhook test itself answers 400 (malformed URL or a host that does not resolve)",
			"Webhookのテスト自体が400を返します（URLの形式の誤り、または名前解決できないホスト）"},
		{knobUnverified, "the account is neither verified nor premium: followers/ids answers 403",
			"アカウントが認証済みでもプレミアムでもない：followers/idsが403を返します"},
		{knobCallbackUnreg, "no callback URL is registered: LINE shows \"400 Invalid redirect_uri\" after sign-in (at once with authorize_validates_at_once)",
			"コールバックURLが未登録：ログイン後にLINEが「400 Invalid redirect_uri」を表示（authorize_validates_at_onceと併用するとすぐに表示）"},
		{knobUnknownLoginID, "the LINE Login channel ID is unknown: \"400 Invalid client_id\" after sign-in (at once with authorize_validates_at_once)",
			"LINEログインのチャネルIDが不明：ログイン後に「400 Invalid client_id」を表示（authorize_validates_at_onceと併用するとすぐに表示）"},
		{knobAuthorizeAtOnce, "old assumption: authorize judges client_id and redirect_uri at once instead of sending everyone to the login page first",
			"古い想定：authorizeが全員をまずログイン画面に送らず、client_idとredirect_uriをすぐに判定します"},
		{knobRateLimit, "429 without Retry-After for the first 2 calls of each endpoint, then normal answers",
			"各エンドポイントの最初の2回はRetry-Afterなしの429、その後は通常どおり応答します"},
		{knobRateLimitRetry, "429 with Retry-After: 1 for the first 2 calls of each endpoint, then normal answers",
			"各エンドポイントの最初の2回はRetry-After: 1付きの429、その後は通常どおり応答します"},
		{knobServerError, "every call answers 500",
			"すべての呼び出しに500を返します"},
		{knobServerErrorOnce, "the first call of each endpoint answers 500, later ones normally",
			"各エンドポイントの最初の呼び出しだけ500、以降は通常どおり応答します"},
		{knobHang, "no call is ever answered until the client gives up or the emulator closes",
			"クライアントがあきらめるか模擬APIが終了するまで、どの呼び出しにも応答しません"},
		{knobBadJSON, "JSON endpoints answer 200 with a malformed body",
			"JSONのエンドポイントが200で壊れた本文を返します"},
		{knobEscapes, "the bot's display name and the webhook test detail carry terminal escape sequences and a bell",
			"ボットの表示名とWebhookテストの詳細に、端末のエスケープシーケンスとベル文字が入ります"},
		{knobLatency + "=<duration>", "every answer is delayed by the duration (e.g. latency=200ms)",
			"すべての応答をその時間だけ遅らせます（例：latency=200ms）"},
	}
}

// NewLINE starts the emulator with the sandbox's sample account.
func NewLINE() *LINE { return NewLINEAccount(SampleLINEAccount()) }

// NewLINEAccount starts the emulator for account a.
func NewLINEAccount(a LINEAccount) *LINE {
	l := &LINE{closing: make(chan struct{}), now: time.Now}
	l.account = a
	l.resetLocked()
	l.api = httptest.NewServer(l.wrap(http.HandlerFunc(l.serveAPI), true))
	l.access = httptest.NewServer(l.wrap(http.HandlerFunc(l.serveAccess), false))
	l.linee = httptest.NewServer(l.wrap(http.HandlerFunc(l.serveLinEE), false))
	return l
}

// APIURL is the emulator's https://api.line.me.
func (l *LINE) APIURL() string { return l.api.URL }

// AccessURL is the emulator's https://access.line.me.
func (l *LINE) AccessURL() string { return l.access.URL }

// LinEEURL is the emulator's https://lin.ee.
func (l *LINE) LinEEURL() string { return l.linee.URL }

// Close stops the servers; requests held by the hang knob or a latency are let go first.
func (l *LINE) Close() {
	l.closeOnce.Do(func() {
		close(l.closing)
		l.api.Close()
		l.access.Close()
		l.linee.Close()
	})
}

// SetClock sets the clock that times the webhook cache and the test rate limit.
func (l *LINE) SetClock(now func() time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = now
}

// SetWebhookDelay sets how long a webhook URL written by PUT stays invisible to GET, as
// LINE's cache does (up to a minute). 0, the default, makes it visible at once.
func (l *LINE) SetWebhookDelay(d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.delay = d
}

// SandboxWebhookDelay is how long a written webhook URL stays invisible in --sandbox: long
// enough for the operator to see the countdown LINE's real cache makes necessary.
const SandboxWebhookDelay = 3 * time.Second

// SetSandbox tunes the emulator for --sandbox: the real clock and a webhook cache delay of
// SandboxWebhookDelay.
func (l *LINE) SetSandbox() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.now = time.Now
	l.delay = SandboxWebhookDelay
}

// SetKnob turns one failure on; "latency=<duration>" sets the delay of every answer.
func (l *LINE) SetKnob(name string) error {
	if v, ok := strings.CutPrefix(strings.TrimSpace(name), knobTestCMSStatus+"="); ok {
		code, err := strconv.Atoi(v)
		if err != nil || code < 100 || code > 599 {
			return fmt.Errorf("fakeapi: %s wants an HTTP status such as 401, got %q", knobTestCMSStatus, v)
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		l.cmsStatus = code
		return nil
	}
	knob, d, isLatency, err := parseKnob("LINE", knobLatency, LINEKnobs(), name)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if isLatency {
		l.latency = d
		return nil
	}
	l.knobs[knob] = true
	// "The first calls fail" counts from the moment a knob is turned on.
	l.faultCalls = map[string]int{}
	return nil
}

// ClearKnob turns one failure off again, as the operator's fix in a console would (Chat
// switched on, "Use webhook" switched on, the callback URL registered); the sandbox calls
// it when the operator says they fixed the step. "latency" (or "latency=…") and
// "webhook_test_cms_status" (or "…=<code>") go back to none.
func (l *LINE) ClearKnob(name string) error {
	name = strings.TrimSpace(name)
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case name == knobLatency || strings.HasPrefix(name, knobLatency+"="):
		l.latency = 0
		return nil
	case name == knobTestCMSStatus || strings.HasPrefix(name, knobTestCMSStatus+"="):
		l.cmsStatus = 0
		return nil
	}
	for _, k := range LINEKnobs() {
		if k.Name == name {
			delete(l.knobs, name)
			return nil
		}
	}
	_, _, _, err := parseKnob("LINE", knobLatency, LINEKnobs(), name)
	return err
}

// Reset turns every knob off, forgets the counters and restores the account's webhook
// settings. The clock and the webhook delay stay.
func (l *LINE) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.resetLocked()
}

func (l *LINE) resetLocked() {
	l.knobs = map[string]bool{}
	l.latency = 0
	l.cmsStatus = 0
	l.webhook = l.account.WebhookURL
	l.active = l.account.WebhookActive
	l.pending, l.hasPending = "", false
	l.issued = map[string]string{}
	l.requests = map[string]int{}
	l.faultCalls = map[string]int{}
	l.testTimes = nil
	l.webhookTests = 0
	l.maxConcurrent = 0
}

// Requests counts the requests made to path on any of the three servers.
func (l *LINE) Requests(path string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.requests[path]
}

// MaxConcurrent is the highest number of requests the emulator held at once.
func (l *LINE) MaxConcurrent() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.maxConcurrent
}

// WebhookTests counts the webhook test calls that reached the test logic.
func (l *LINE) WebhookTests() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.webhookTests
}

// Webhook is the webhook URL as saved (including a PUT not yet visible) and the "Use
// webhook" switch.
func (l *LINE) Webhook() (endpoint string, active bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	active = l.active && !l.on(knobWebhookInactive)
	if l.hasPending {
		return l.pending, active
	}
	return l.webhook, active
}

func (l *LINE) on(k string) bool { return l.knobs[k] }

// wrap counts requests and applies the knobs every endpoint shares: latency, hang, 500 and
// 429. json tells whether the server answers JSON (the others answer HTML or redirects).
func (l *LINE) wrap(h http.Handler, json bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.requests[r.URL.Path]++
		l.inFlight++
		if l.inFlight > l.maxConcurrent {
			l.maxConcurrent = l.inFlight
		}
		latency, hang := l.latency, l.on(knobHang)
		l.mu.Unlock()
		defer func() {
			l.mu.Lock()
			l.inFlight--
			l.mu.Unlock()
		}()

		if latency > 0 {
			t := time.NewTimer(latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			case <-l.closing:
				t.Stop()
				panic(http.ErrAbortHandler) // drop the connection: no answer at all
			}
		}
		if hang {
			select {
			case <-r.Context().Done():
			case <-l.closing:
				panic(http.ErrAbortHandler) // drop the connection: no answer at all
			}
			return
		}

		l.mu.Lock()
		l.faultCalls[r.URL.Path]++
		n := l.faultCalls[r.URL.Path]
		serverError := l.on(knobServerError) || (l.on(knobServerErrorOnce) && n == 1)
		limited := (l.on(knobRateLimit) || l.on(knobRateLimitRetry)) && n <= 2
		retryAfter := l.on(knobRateLimitRetry)
		l.mu.Unlock()

		switch {
		case serverError:
			if json {
				writeJSON(w, http.StatusInternalServerError, map[string]string{"message": "Internal server error"})
			} else {
				writeLINEPage(w, http.StatusInternalServerError, "Internal Server Error", "Something went wrong. Please try again later.")
			}
		case limited:
			if retryAfter {
				w.Header().Set("Retry-After", "1")
			}
			writeJSON(w, http.StatusTooManyRequests, lineRateLimited)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

var lineRateLimited = map[string]string{"message": "The API rate limit has been exceeded. Try again later."}

// answer writes a JSON success, or a malformed body under the bad_json knob.
func (l *LINE) answer(w http.ResponseWriter, v any) {
	l.mu.Lock()
	bad := l.on(knobBadJSON)
	l.mu.Unlock()
	if bad {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"message": "ok", "endpoint": "https://cms.exa`))
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (l *LINE) serveAPI(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/v2/oauth/verify":
		l.verifyToken(w, r)
	case "/oauth2/v3/token":
		l.statelessToken(w, r)
	case "/v2/bot/info":
		l.botInfo(w, r)
	case "/v2/bot/channel/webhook/endpoint":
		l.webhookEndpoint(w, r)
	case "/v2/bot/channel/webhook/test":
		l.webhookTest(w, r)
	case "/v2/bot/followers/ids":
		l.followers(w, r)
	case "/oauth2/v2.1/verify":
		l.verifyV21(w, r)
	default:
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not found"})
	}
}

func lineMethod(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"message": "Method not allowed"})
	return false
}

func (l *LINE) verifyToken(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodPost) {
		return
	}
	tok := r.PostFormValue("access_token")
	l.mu.Lock()
	channel, ok := l.channelOf(tok)
	// v2.1 tokens are verified by GET /oauth2/v2.1/verify (FACTS.md); what this endpoint
	// says of them is not documented, so the emulator refuses them here.
	ok = ok && tok != l.account.V21Token
	l.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "access_token invalid"})
		return
	}
	l.answer(w, map[string]any{"client_id": channel, "expires_in": 2591998, "scope": "profile chat_message.write"})
}

// channelOf tells which channel a token belongs to; l.mu is held.
func (l *LINE) channelOf(tok string) (string, bool) {
	if tok == "" {
		return "", false
	}
	if (tok == l.account.ChannelAccessToken || tok == l.account.V21Token) && !l.on(knobWrongToken) {
		return l.account.ChannelID, true
	}
	ch, ok := l.issued[tok]
	return ch, ok
}

// verifyV21 is GET /oauth2/v2.1/verify?access_token=…: the answer has the shape of
// /v2/oauth/verify's.
func (l *LINE) verifyV21(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodGet) {
		return
	}
	tok := r.URL.Query().Get("access_token")
	l.mu.Lock()
	a, wrong := l.account, l.on(knobWrongToken)
	l.mu.Unlock()
	if tok == "" || tok != a.V21Token || wrong {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "access_token invalid"})
		return
	}
	l.answer(w, map[string]any{"client_id": a.ChannelID, "expires_in": a.V21ExpiresIn, "scope": "profile chat_message.write"})
}

// followers is GET /v2/bot/followers/ids: documented as "only available for verified or
// premium accounts", 403 for the others.
func (l *LINE) followers(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodGet) || !l.bearer(w, r) {
		return
	}
	l.mu.Lock()
	verified := l.account.Verified && !l.on(knobUnverified)
	l.mu.Unlock()
	if !verified {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Access to this API is not available for your account"})
		return
	}
	l.answer(w, map[string]any{"userIds": []string{"U1a2b3c4d5e6f708192a3b4c5d6e7f809"}, "next": "sbxNextToken"})
}

func (l *LINE) statelessToken(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodPost) {
		return
	}
	if r.PostFormValue("grant_type") != "client_credentials" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type", "error_description": "Unsupported grant type."})
		return
	}
	id, secret := r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	l.mu.Lock()
	a := l.account
	ok := (id == a.ChannelID && secret == a.ChannelSecret && !l.on(knobWrongSecret)) ||
		(id == a.LoginChannelID && secret == a.LoginChannelSecret && !l.on(knobWrongLoginSecret))
	var tok string
	if ok && id != "" {
		tok = lineRandomToken()
		l.issued[tok] = id
	}
	l.mu.Unlock()
	if !ok || id == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "Invalid 'client_credentials'."})
		return
	}
	l.answer(w, map[string]any{"token_type": "Bearer", "access_token": tok, "expires_in": 900})
}

func lineRandomToken() string {
	b := make([]byte, 64)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// bearer reports whether the request carries a token of the Messaging API channel.
func (l *LINE) bearer(w http.ResponseWriter, r *http.Request) bool {
	tok, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	l.mu.Lock()
	ch, ok := l.channelOf(strings.TrimSpace(tok))
	l.mu.Unlock()
	if !ok || ch != l.account.ChannelID {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Authentication failed. Confirm that the access token in the authorization header is valid."})
		return false
	}
	return true
}

// lineEscapes is what the escape_sequences knob slips into text: a colour, a window
// title, a screen clear and a bell.
const lineEscapes = "\x1b[31m\x1b]0;owned\x07\x1b[2J\a"

func (l *LINE) botInfo(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodGet) || !l.bearer(w, r) {
		return
	}
	l.mu.Lock()
	a := l.account
	chat, read := "chat", "manual"
	if l.on(knobChatOff) {
		chat, read = "bot", "auto"
	}
	name := a.DisplayName
	if l.on(knobEscapes) {
		name = a.DisplayName + lineEscapes + " Shop"
	}
	l.mu.Unlock()
	body := map[string]any{
		"userId":         a.BotUserID,
		"basicId":        a.BasicID,
		"displayName":    name,
		"chatMode":       chat,
		"markAsReadMode": read,
	}
	if a.PremiumID != "" {
		body["premiumId"] = a.PremiumID
	}
	l.answer(w, body)
}

// visibleLocked moves a PUT past LINE's cache delay into what GET sees; l.mu is held.
func (l *LINE) visibleLocked() {
	if l.hasPending && !l.now().Before(l.pendingAt) {
		l.webhook, l.hasPending = l.pending, false
	}
}

var lineInvalidWebhook = map[string]string{"message": "Invalid webhook endpoint URL"}

func lineValidWebhook(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && len(s) <= 500
}

func (l *LINE) webhookEndpoint(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodGet, http.MethodPut) || !l.bearer(w, r) {
		return
	}
	if r.Method == http.MethodGet {
		l.mu.Lock()
		l.visibleLocked()
		ep, active := l.webhook, l.active && !l.on(knobWebhookInactive)
		l.mu.Unlock()
		if ep == "" {
			writeJSON(w, http.StatusNotFound, map[string]string{"message": "Webhook endpoint not found"})
			return
		}
		l.answer(w, map[string]any{"endpoint": ep, "active": active})
		return
	}
	var req struct {
		Endpoint string `json:"endpoint"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "The request body has 1 error(s)"})
		return
	}
	if !lineValidWebhook(req.Endpoint) {
		writeJSON(w, http.StatusBadRequest, lineInvalidWebhook)
		return
	}
	l.mu.Lock()
	l.visibleLocked()
	if l.delay <= 0 {
		l.webhook, l.hasPending = req.Endpoint, false
	} else {
		l.pending, l.pendingAt, l.hasPending = req.Endpoint, l.now().Add(l.delay), true
	}
	l.mu.Unlock()
	l.answer(w, map[string]any{})
}

func (l *LINE) webhookTest(w http.ResponseWriter, r *http.Request) {
	if !lineMethod(w, r, http.MethodPost) || !l.bearer(w, r) {
		return
	}
	var req struct {
		Endpoint string `json:"endpoint"`
	}
	if r.ContentLength != 0 {
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"message": "The request body has 1 error(s)"})
			return
		}
	}
	l.mu.Lock()
	now := l.now()
	// LINE allows 60 tests an hour.
	kept := l.testTimes[:0]
	for _, t := range l.testTimes {
		if now.Sub(t) < time.Hour {
			kept = append(kept, t)
		}
	}
	l.testTimes = kept
	if len(l.testTimes) >= 60 {
		l.mu.Unlock()
		writeJSON(w, http.StatusTooManyRequests, lineRateLimited)
		return
	}
	l.testTimes = append(l.testTimes, now)
	l.webhookTests++
	l.visibleLocked()
	ep := req.Endpoint
	if ep == "" {
		ep = l.webhook
	}
	escapes, unresolvable := l.on(knobEscapes), l.on(knobTestBadURL)
	reason, status, detail := "OK", 200, "200"
	switch {
	case l.cmsStatus != 0 && l.cmsStatus/100 != 2:
		reason, status, detail = "ERROR_STATUS_CODE", l.cmsStatus, fmt.Sprintf("%d %s", l.cmsStatus, http.StatusText(l.cmsStatus))
	case l.cmsStatus != 0:
		status, detail = l.cmsStatus, strconv.Itoa(l.cmsStatus)
	case l.on(knobTestConnect):
		reason, status, detail = "COULD_NOT_CONNECT", 0, "Connection refused"
	case l.on(knobTestTimeout):
		reason, status, detail = "REQUEST_TIMEOUT", -1, "Request timeout"
	case l.on(knobTestStatus):
		reason, status, detail = "ERROR_STATUS_CODE", 500, "500 Internal Server Error"
	case l.on(knobTestUnclassified):
		reason, status, detail = "UNCLASSIFIED", 0, "Unclassified webhook dispatch error"
	}
	l.mu.Unlock()
	if ep == "" {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Webhook endpoint not found"})
		return
	}
	if !lineValidWebhook(ep) || unresolvable {
		writeJSON(w, http.StatusBadRequest, lineInvalidWebhook)
		return
	}
	if escapes {
		detail += lineEscapes + " retry"
	}
	l.answer(w, map[string]any{
		"success":    reason == "OK",
		"timestamp":  now.UTC().Format("2006-01-02T15:04:05.000Z"),
		"statusCode": status,
		"reason":     reason,
		"detail":     detail,
	})
}

// serveAccess is access.line.me: the authorize endpoint, the login page it leads to and
// the consent step where LINE judges the request once the visitor is signed in.
func (l *LINE) serveAccess(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/oauth2/v2.1/authorize":
		l.authorize(w, r)
	case "/oauth2/v2.1/login":
		l.loginPage(w, r)
	case "/oauth2/v2.1/authorize/consent":
		l.consent(w, r)
	default:
		writeLINEPage(w, http.StatusNotFound, "Not Found", "The page you are looking for does not exist.")
	}
}

// judge is what LINE says of an authorize request's client_id and redirect_uri: ok, or
// the 400 page's text.
func (l *LINE) judge(q url.Values) (msg string, ok bool) {
	l.mu.Lock()
	a := l.account
	unreg, unknown := l.on(knobCallbackUnreg), l.on(knobUnknownLoginID)
	l.mu.Unlock()
	if q.Get("client_id") == "" || q.Get("client_id") != a.LoginChannelID || unknown {
		return "Invalid client_id", false
	}
	redirect := q.Get("redirect_uri")
	registered := false
	if u, err := url.Parse(redirect); err == nil && redirect != "" && !unreg {
		// Extra query parameters are allowed; the rest must match exactly.
		u.RawQuery = ""
		for _, c := range a.CallbackURLs {
			registered = registered || u.String() == c
		}
	}
	if !registered {
		return "Invalid redirect_uri value. Check if it is registered in a LINE developers site.", false
	}
	return "", true
}

// authorize is GET /oauth2/v2.1/authorize. As LINE really does (FACTS.md), a visitor who
// is not signed in is sent to the login page whatever the client_id and redirect_uri;
// they are judged at the consent step after sign-in. The authorize_validates_at_once
// knob brings back the old assumption: judged here, at once.
func (l *LINE) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	l.mu.Lock()
	atOnce := l.on(knobAuthorizeAtOnce)
	a := l.account
	l.mu.Unlock()
	if atOnce {
		if msg, ok := l.judge(q); !ok {
			writeLINEPage(w, http.StatusBadRequest, "400 Bad Request", msg)
			return
		}
		if q.Get("response_type") != "code" {
			back, _ := url.Parse(q.Get("redirect_uri"))
			bq := back.Query()
			bq.Set("error", "unsupported_response_type")
			bq.Set("state", q.Get("state"))
			back.RawQuery = bq.Encode()
			http.Redirect(w, r, back.String(), http.StatusFound)
			return
		}
	}
	ret := "/oauth2/v2.1/authorize/consent?" + r.URL.RawQuery
	login := l.access.URL + "/oauth2/v2.1/login?" + url.Values{
		"returnUri":      {ret},
		"loginChannelId": {a.LoginChannelID},
		"loginState":     {lineRandomToken()[:22]},
	}.Encode()
	http.Redirect(w, r, login, http.StatusFound)
}

// loginPage stands in for LINE's login form: in the sandbox, its link signs the visitor
// in and goes on to returnUri.
func (l *LINE) loginPage(w http.ResponseWriter, r *http.Request) {
	ret := r.URL.Query().Get("returnUri")
	if !strings.HasPrefix(ret, "/oauth2/v2.1/authorize/consent?") {
		ret = ""
	}
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>LINE Login</title></head>\n"+
		"<body><h1>LINE Login</h1><p>Log in with your LINE account. (setup-wizard sandbox: nothing is sent anywhere.)</p>\n"+
		"<p><a href=\"%s\">Log in (sandbox)</a></p></body></html>\n", html.EscapeString(ret))
}

// consent is where LINE judges the request once the visitor is signed in: the 400 page,
// or the consent screen whose button goes on to the callback URL.
func (l *LINE) consent(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if msg, ok := l.judge(q); !ok {
		writeLINEPage(w, http.StatusBadRequest, "400 Bad Request", msg)
		return
	}
	back, _ := url.Parse(q.Get("redirect_uri"))
	bq := back.Query()
	bq.Set("code", "SbxCode"+lineRandomToken()[:12])
	bq.Set("state", q.Get("state"))
	back.RawQuery = bq.Encode()
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>LINE</title></head>\n"+
		"<body><h1>Allow access</h1><p>This channel asks for permission to use your profile. (setup-wizard sandbox)</p>\n"+
		"<p><a href=\"%s\">Allow</a></p></body></html>\n", html.EscapeString(back.String()))
}

// serveLinEE is lin.ee: a short link leads to the account's add-friend page.
func (l *LINE) serveLinEE(w http.ResponseWriter, r *http.Request) {
	slug := strings.Trim(r.URL.Path, "/")
	l.mu.Lock()
	id, ok := l.account.FriendLinks[slug]
	l.mu.Unlock()
	if !ok || slug == "" {
		writeLINEPage(w, http.StatusNotFound, "Not Found", "This link is not available.")
		return
	}
	http.Redirect(w, r, "https://line.me/R/ti/p/%40"+url.PathEscape(strings.TrimPrefix(id, "@")), http.StatusFound)
}

func writeLINEPage(w http.ResponseWriter, status int, title, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>LINE</title></head>\n"+
		"<body><div class=\"error\"><h1>%s</h1><p class=\"error_description\">%s</p></div></body></html>\n",
		html.EscapeString(title), html.EscapeString(msg))
}

// ActiveKnobs lists the knobs that are on, sorted; for the sandbox banner.
func (l *LINE) ActiveKnobs() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for k, on := range l.knobs {
		if on {
			out = append(out, k)
		}
	}
	if l.latency > 0 {
		out = append(out, knobLatency+"="+l.latency.String())
	}
	if l.cmsStatus != 0 {
		out = append(out, knobTestCMSStatus+"="+strconv.Itoa(l.cmsStatus))
	}
	sort.Strings(out)
	return out
}

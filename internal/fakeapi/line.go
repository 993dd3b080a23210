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
}

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

	knobs   map[string]bool
	latency time.Duration

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
		{knobWrongToken, "the channel access token is unknown: verify answers 400, bot calls 401"},
		{knobWrongSecret, "the Messaging API channel secret is refused by /oauth2/v3/token (400)"},
		{knobWrongLoginSecret, "the LINE Login channel secret is refused by /oauth2/v3/token (400)"},
		{knobChatOff, "Chat is OFF in the OA Manager response settings (bot info says chatMode bot)"},
		{knobWebhookInactive, `"Use webhook" is off: the webhook endpoint reads back with active false`},
		{knobTestConnect, "the webhook test reports COULD_NOT_CONNECT"},
		{knobTestTimeout, "the webhook test reports REQUEST_TIMEOUT"},
		{knobTestStatus, "the webhook test reports ERROR_STATUS_CODE (the CMS answered 500)"},
		{knobTestUnclassified, "the webhook test reports UNCLASSIFIED"},
		{knobCallbackUnreg, "no callback URL is registered: the authorize page answers 400 Invalid redirect_uri"},
		{knobRateLimit, "429 without Retry-After for the first 2 calls of each endpoint, then normal answers"},
		{knobRateLimitRetry, "429 with Retry-After: 1 for the first 2 calls of each endpoint, then normal answers"},
		{knobServerError, "every call answers 500"},
		{knobServerErrorOnce, "the first call of each endpoint answers 500, later ones normally"},
		{knobHang, "no call is ever answered until the client gives up or the emulator closes"},
		{knobBadJSON, "JSON endpoints answer 200 with a malformed body"},
		{knobEscapes, "the bot's display name and the webhook test detail carry terminal escape sequences and a bell"},
		{knobLatency + "=<duration>", "every answer is delayed by the duration (e.g. latency=200ms)"},
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
// it when the operator says they fixed the step.
func (l *LINE) ClearKnob(name string) error {
	knob, _, isLatency, err := parseKnob("LINE", knobLatency, LINEKnobs(), name)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if isLatency {
		l.latency = 0
		return nil
	}
	delete(l.knobs, knob)
	return nil
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
	if tok == l.account.ChannelAccessToken && !l.on(knobWrongToken) {
		return l.account.ChannelID, true
	}
	ch, ok := l.issued[tok]
	return ch, ok
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
	escapes := l.on(knobEscapes)
	reason, status, detail := "OK", 200, "200"
	switch {
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
	if !lineValidWebhook(ep) {
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

// serveAccess is access.line.me: the authorize endpoint and the login page it leads to.
func (l *LINE) serveAccess(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/oauth2/v2.1/authorize":
		l.authorize(w, r)
	case "/oauth2/v2.1/login":
		writeLINEPage(w, http.StatusOK, "LINE Login", "Log in with your LINE account. (setup-wizard sandbox: nothing is sent anywhere.)")
	default:
		writeLINEPage(w, http.StatusNotFound, "Not Found", "The page you are looking for does not exist.")
	}
}

func (l *LINE) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	l.mu.Lock()
	a := l.account
	unreg := l.on(knobCallbackUnreg)
	l.mu.Unlock()
	if q.Get("client_id") == "" || q.Get("client_id") != a.LoginChannelID {
		writeLINEPage(w, http.StatusBadRequest, "400 Bad Request", "Invalid client_id")
		return
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
		writeLINEPage(w, http.StatusBadRequest, "400 Bad Request", "Invalid redirect_uri value. Check if it is registered in a LINE developers site.")
		return
	}
	if q.Get("response_type") != "code" {
		back, _ := url.Parse(redirect)
		bq := back.Query()
		bq.Set("error", "unsupported_response_type")
		bq.Set("state", q.Get("state"))
		back.RawQuery = bq.Encode()
		http.Redirect(w, r, back.String(), http.StatusFound)
		return
	}
	ret := "/oauth2/v2.1/authorize/consent?" + r.URL.RawQuery
	login := l.access.URL + "/oauth2/v2.1/login?" + url.Values{
		"returnUri":      {ret},
		"loginChannelId": {a.LoginChannelID},
		"loginState":     {lineRandomToken()[:22]},
	}.Encode()
	http.Redirect(w, r, login, http.StatusFound)
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
	sort.Strings(out)
	return out
}

package fakeapi

import (
	"crypto/rand"
	"encoding/hex"
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

// NAVERApp is what the NAVER emulator knows about the shop's application at NAVER
// Developers: its credentials, its registered environments and the profile it hands out.
type NAVERApp struct {
	AppName      string // application name, shown on the error page
	ClientID     string
	ClientSecret string
	PCWeb        NAVEREnvironment
	MobileWeb    NAVEREnvironment
	// Profile items the application asks for; /v1/nid/me leaves out those not asked.
	ItemName, ItemEmail bool
}

// NAVEREnvironment is one registered environment (PC web or Mobile web).
type NAVEREnvironment struct {
	ServiceURL   string
	CallbackURLs []string
}

// SampleNAVERApp is the application the sandbox offers: internal/sample's values and the
// URLs the planner derives for sample.com.
func SampleNAVERApp() NAVERApp {
	d := sample.ShopDomain
	return NAVERApp{
		AppName:      sample.ShopName,
		ClientID:     sample.NaverClientID,
		ClientSecret: sample.NaverClientSecret,
		PCWeb:        NAVEREnvironment{ServiceURL: "https://" + d, CallbackURLs: []string{"https://" + d, "https://www." + d}},
		MobileWeb:    NAVEREnvironment{ServiceURL: "https://m." + d, CallbackURLs: []string{"https://m." + d}},
		ItemName:     true,
		ItemEmail:    true,
	}
}

// NAVER emulates nid.naver.com and openapi.naver.com on two loopback servers.
type NAVER struct {
	nid, openapi *httptest.Server
	closing      chan struct{}
	closeOnce    sync.Once

	mu       sync.Mutex
	app      NAVERApp
	knobs    map[string]bool
	latency  time.Duration
	requests map[string]int
	codes    map[string]bool // authorization codes issued, single use
	tokens   map[string]bool // access tokens issued
	refresh  map[string]bool // refresh tokens issued
}

// Knob names, in the order NAVERKnobs lists them.
const (
	naverKnobWrongSecret    = "naver_wrong_secret"
	naverKnobCallbackUnreg  = "naver_callback_unregistered"
	naverKnobUnavailable    = "naver_unavailable"
	naverKnobBadRequest     = "naver_bad_request"
	naverKnobAtOnce         = "naver_authorize_at_once"
	naverKnobLatency        = "naver_latency"
	naverLatencyPlaceholder = "=<duration>"
)

// NAVERKnobs lists every failure the NAVER emulator can show.
func NAVERKnobs() []Knob {
	return []Knob{
		{naverKnobWrongSecret, "the Client Secret does not match: revoke answers 401 unauthorized_client, token an invalid_client error",
			"Client Secretが一致しない：revokeは401 unauthorized_client、tokenはinvalid_clientエラーを返します"},
		{naverKnobCallbackUnreg, "no callback URL is registered: NAVER's service settings error page after sign-in (at once with naver_authorize_at_once)",
			"コールバックURLが未登録：ログイン後にNAVERのサービス設定のエラー画面（naver_authorize_at_onceと併用するとすぐに表示）"},
		{naverKnobAtOnce, "old assumption: authorize shows the error page at once instead of sending everyone to the login page first",
			"古い想定：authorizeが全員をまずログイン画面に送らず、すぐにエラー画面を表示します"},
		{naverKnobUnavailable, "every NAVER call answers 503",
			"NAVERへのすべての呼び出しに503を返します"},
		{naverKnobBadRequest, "the revoke and token endpoints answer 400 invalid_request",
			"revokeとtokenのエンドポイントが400 invalid_requestを返します"},
		{naverKnobLatency + naverLatencyPlaceholder, "every NAVER answer is delayed by the duration (e.g. naver_latency=200ms)",
			"NAVERのすべての応答をその時間だけ遅らせます（例：naver_latency=200ms）"},
	}
}

// NAVERSampleCode is an authorization code the emulator's token endpoint accepts once per
// Reset, as if a tester had just logged in.
const NAVERSampleCode = "SbxAuthCode0001"

// NewNAVER starts the emulator with the sandbox's sample application.
func NewNAVER() *NAVER { return NewNAVERApp(SampleNAVERApp()) }

// NewNAVERApp starts the emulator for application app.
func NewNAVERApp(app NAVERApp) *NAVER {
	n := &NAVER{closing: make(chan struct{}), app: app}
	n.resetLocked()
	n.nid = httptest.NewServer(n.wrap(http.HandlerFunc(n.serveNID)))
	n.openapi = httptest.NewServer(n.wrap(http.HandlerFunc(n.serveOpenAPI)))
	return n
}

// NIDURL is the emulator's https://nid.naver.com.
func (n *NAVER) NIDURL() string { return n.nid.URL }

// OpenAPIURL is the emulator's https://openapi.naver.com.
func (n *NAVER) OpenAPIURL() string { return n.openapi.URL }

// Close stops both servers; requests held by a latency are let go first.
func (n *NAVER) Close() {
	n.closeOnce.Do(func() {
		close(n.closing)
		n.nid.Close()
		n.openapi.Close()
	})
}

// App is the application as the emulator knows it.
func (n *NAVER) App() NAVERApp {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.app
}

// SetApp replaces the application (another Client ID, other registered URLs).
func (n *NAVER) SetApp(app NAVERApp) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.app = app
}

// ClearKnob turns one failure off again; "naver_latency" goes back to none.
func (n *NAVER) ClearKnob(name string) error {
	name = strings.TrimSpace(name)
	n.mu.Lock()
	defer n.mu.Unlock()
	if name == naverKnobLatency {
		n.latency = 0
		return nil
	}
	for _, k := range NAVERKnobs() {
		if k.Name == name {
			delete(n.knobs, name)
			return nil
		}
	}
	_, _, _, err := parseKnob("NAVER", naverKnobLatency, NAVERKnobs(), name)
	return err
}

// SetKnob turns one failure on; "naver_latency=<duration>" delays every answer.
func (n *NAVER) SetKnob(name string) error {
	knob, d, isLatency, err := parseKnob("NAVER", naverKnobLatency, NAVERKnobs(), name)
	if err != nil {
		return err
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if isLatency {
		n.latency = d
		return nil
	}
	n.knobs[knob] = true
	return nil
}

// Reset turns every knob off and forgets the counters and the tokens issued.
func (n *NAVER) Reset() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.resetLocked()
}

func (n *NAVER) resetLocked() {
	n.knobs = map[string]bool{}
	n.latency = 0
	n.requests = map[string]int{}
	n.codes = map[string]bool{NAVERSampleCode: true}
	n.tokens = map[string]bool{}
	n.refresh = map[string]bool{}
}

// ActiveKnobs lists the knobs that are on, sorted; for the sandbox banner.
func (n *NAVER) ActiveKnobs() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []string
	for k, on := range n.knobs {
		if on {
			out = append(out, k)
		}
	}
	if n.latency > 0 {
		out = append(out, naverKnobLatency+"="+n.latency.String())
	}
	sort.Strings(out)
	return out
}

// Requests counts the requests made to path on either server.
func (n *NAVER) Requests(path string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.requests[path]
}

func (n *NAVER) on(k string) bool { return n.knobs[k] }

// wrap counts requests and applies the knobs every endpoint shares: latency and 503.
func (n *NAVER) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.mu.Lock()
		n.requests[r.URL.Path]++
		latency, down := n.latency, n.on(naverKnobUnavailable)
		n.mu.Unlock()
		if latency > 0 {
			t := time.NewTimer(latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			case <-n.closing:
				t.Stop()
				return
			}
		}
		if down {
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>\n"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func (n *NAVER) serveNID(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/oauth2.0/revoke":
		n.revoke(w, r)
	case "/oauth2.0/authorize":
		n.authorize(w, r)
	case "/oauth2.0/token":
		n.token(w, r)
	case "/nidlogin.login":
		n.loginPage(w, r)
	default:
		naverPage(w, http.StatusNotFound, "NAVER", "페이지를 찾을 수 없습니다.")
	}
}

func naverOAuthError(code, desc string) map[string]string {
	return map[string]string{"error": code, "error_description": desc}
}

// credentialsOK reports whether the form's client ID and secret are the application's.
func (n *NAVER) credentialsOK(r *http.Request) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return r.PostForm.Get("client_id") == n.app.ClientID &&
		r.PostForm.Get("client_secret") == n.app.ClientSecret && !n.on(naverKnobWrongSecret)
}

// revoke is POST /oauth2.0/revoke: 200 with an empty body when the client ID and secret are
// right (whatever the token), 401 unauthorized_client when not, 400 when malformed.
func (n *NAVER) revoke(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, naverOAuthError("invalid_request", "method not allowed"))
		return
	}
	n.mu.Lock()
	bad := n.on(naverKnobBadRequest)
	n.mu.Unlock()
	if err := r.ParseForm(); err != nil || bad || r.PostForm.Get("client_id") == "" || r.PostForm.Get("client_secret") == "" || r.PostForm.Get("token") == "" {
		writeJSON(w, http.StatusBadRequest, naverOAuthError("invalid_request", "invalid request"))
		return
	}
	if !n.credentialsOK(r) {
		writeJSON(w, http.StatusUnauthorized, naverOAuthError("unauthorized_client", "client authentication failed"))
		return
	}
	n.mu.Lock()
	delete(n.tokens, r.PostForm.Get("token"))
	n.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// naverErrorPageStatus is the HTTP status of NAVER's "service settings" error page.
// UNCONFIRMED: change it here when NAVER's real answer is known.
const naverErrorPageStatus = http.StatusOK

// naverRegistered reports whether redirect is one of the application's callback URLs: the
// same URL, or a longer one that starts with it at a path or query boundary.
func naverRegistered(app NAVERApp, redirect string) bool {
	u, err := url.Parse(redirect)
	if err != nil || redirect == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	for _, env := range []NAVEREnvironment{app.PCWeb, app.MobileWeb} {
		for _, cb := range env.CallbackURLs {
			cb = strings.TrimSuffix(cb, "/")
			if redirect == cb || strings.TrimSuffix(redirect, "/") == cb ||
				strings.HasPrefix(redirect, cb+"/") || strings.HasPrefix(redirect, cb+"?") {
				return true
			}
		}
	}
	return false
}

// naverSignedIn marks an authorize request made by the sandbox's login page, as if the
// visitor had signed in.
const naverSignedIn = "sbx_signed_in"

// authorize is GET /oauth2.0/authorize. Whether NAVER judges the client and the URLs
// before or only after sign-in is UNCONFIRMED (FACTS.md), so by default the emulator does
// what can only make a check say "cannot tell": a visitor who is not signed in goes to
// the login page whatever the request; after sign-in (the login page's link) an
// unregistered URL gets the service settings error page. naver_authorize_at_once
// judges at once, as first assumed.
func (n *NAVER) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	n.mu.Lock()
	app, unreg, atOnce := n.app, n.on(naverKnobCallbackUnreg), n.on(naverKnobAtOnce)
	n.mu.Unlock()
	if q.Get("response_type") != "code" || q.Get("state") == "" {
		naverPage(w, http.StatusBadRequest, "NAVER", "invalid_request")
		return
	}
	signedIn := q.Get(naverSignedIn) != ""
	if (atOnce || signedIn) && (q.Get("client_id") != app.ClientID || unreg || !naverRegistered(app, q.Get("redirect_uri"))) {
		name := app.AppName
		if q.Get("client_id") != app.ClientID {
			name = ""
		}
		naverPage(w, naverErrorPageStatus, "NAVER",
			strings.TrimSpace(name+" 서비스 설정에 오류가 있어 네이버 아이디로 로그인할 수 없습니다."))
		return
	}
	if signedIn {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusOK)
		back, _ := url.Parse(q.Get("redirect_uri"))
		bq := back.Query()
		bq.Set("code", NAVERSampleCode)
		bq.Set("state", q.Get("state"))
		back.RawQuery = bq.Encode()
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>NAVER</title></head>\n"+
			"<body><p>%s 서비스에 정보 제공 동의 (setup-wizard sandbox)</p><p><a href=\"%s\">동의하기</a></p></body></html>\n",
			html.EscapeString(app.AppName), html.EscapeString(back.String()))
		return
	}
	login := n.nid.URL + "/nidlogin.login?" + url.Values{
		"mode": {"form"},
		"url":  {n.nid.URL + r.URL.RequestURI()},
	}.Encode()
	http.Redirect(w, r, login, http.StatusFound)
}

// loginPage stands in for NAVER's login form: its link signs the visitor in (sandbox).
func (n *NAVER) loginPage(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("url")
	if u, err := url.Parse(next); err != nil || u.Path != "/oauth2.0/authorize" {
		next = ""
	} else {
		q := u.Query()
		q.Set(naverSignedIn, "1")
		next = u.Path + "?" + q.Encode()
	}
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>NAVER</title></head>\n"+
		"<body><p>네이버 로그인 (setup-wizard sandbox: nothing is sent anywhere.)</p><p><a href=\"%s\">로그인</a></p></body></html>\n",
		html.EscapeString(next))
}

// token is POST /oauth2.0/token. As NAVER does, errors come as HTTP 200 with an error
// field. The sample code and refresh tokens it issued are accepted.
func (n *NAVER) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusOK, naverOAuthError("invalid_request", "invalid request"))
		return
	}
	n.mu.Lock()
	bad := n.on(naverKnobBadRequest)
	n.mu.Unlock()
	if bad {
		writeJSON(w, http.StatusBadRequest, naverOAuthError("invalid_request", "invalid request"))
		return
	}
	if !n.credentialsOK(r) {
		writeJSON(w, http.StatusOK, naverOAuthError("invalid_client", "client authentication failed"))
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	switch r.PostForm.Get("grant_type") {
	case "authorization_code":
		code := r.PostForm.Get("code")
		if !n.codes[code] {
			writeJSON(w, http.StatusOK, naverOAuthError("invalid_request", "no valid data in session"))
			return
		}
		delete(n.codes, code)
	case "refresh_token":
		if !n.refresh[r.PostForm.Get("refresh_token")] {
			writeJSON(w, http.StatusOK, naverOAuthError("invalid_request", "invalid refresh token"))
			return
		}
	default:
		writeJSON(w, http.StatusOK, naverOAuthError("unsupported_grant_type", "unsupported grant type"))
		return
	}
	access, refresh := "AAAA"+naverRandomToken(), naverRandomToken()
	n.tokens[access] = true
	n.refresh[refresh] = true
	writeJSON(w, http.StatusOK, map[string]string{
		"access_token":  access,
		"refresh_token": refresh,
		"token_type":    "bearer",
		"expires_in":    "3600",
	})
}

func (n *NAVER) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/nid/me" {
		writeJSON(w, http.StatusNotFound, map[string]string{"resultcode": "404", "message": "not found"})
		return
	}
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if r.Header.Get("Authorization") == "" {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"resultcode": "028", "message": "Authentication header not exists"})
		return
	}
	n.mu.Lock()
	known := ok && n.tokens[tok]
	app := n.app
	n.mu.Unlock()
	if !known {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"resultcode": "024", "message": "Authentication failed"})
		return
	}
	resp := map[string]string{"id": "sbxNaverUserId0001"}
	if app.ItemName {
		resp["name"] = "홍길동"
	}
	if app.ItemEmail {
		resp["email"] = "tester@example.com"
	}
	writeJSON(w, http.StatusOK, map[string]any{"resultcode": "00", "message": "success", "response": resp})
}

func naverRandomToken() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func naverPage(w http.ResponseWriter, status int, title, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"UTF-8\"><title>%s</title></head>\n"+
		"<body><div id=\"content\"><p class=\"error_message\">%s</p></div></body></html>\n",
		html.EscapeString(title), html.EscapeString(msg))
}

package naver

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Check ids (contract).
const (
	CheckCredentialsID = "naver.credentials"
	CheckCallbackID    = "naver.callback"
	CheckURLsID        = "naver.urls"
)

// Checks are NAVER's live and offline checks.
func Checks() []verify.Check {
	return []verify.Check{
		{ID: CheckCredentialsID, Step: StepCredentials, Reads: []string{"naver.client_id", "naver.client_secret"}, Applies: hasCredentials, Run: runCredentials},
		{ID: CheckCallbackID, Step: StepEnvironments, Reads: []string{"naver.client_id", KeyPCCallbacks, KeyMobileCallbacks}, Applies: hasCallbacks, Run: runCallback},
		{ID: CheckURLsID, Step: StepEnvironments, Reads: []string{KeyPCService, KeyPCCallbacks, KeyMobileService, KeyMobileCallbacks}, Applies: hasEnvironment, Run: runURLs},
	}
}

func hasCredentials(a steps.Answers) bool {
	return a.Get("naver.client_id") != "" && a.Get("naver.client_secret") != ""
}

func hasCallbacks(a steps.Answers) bool {
	return a.Get("naver.client_id") != "" && (len(a.List(KeyPCCallbacks)) > 0 || len(a.List(KeyMobileCallbacks)) > 0)
}

func hasEnvironment(a steps.Answers) bool {
	for _, k := range []string{KeyPCService, KeyPCCallbacks, KeyMobileService, KeyMobileCallbacks} {
		if a.Get(k) != "" {
			return true
		}
	}
	return false
}

// nidBase is NAVER's account server: SETUP_WIZARD_NAVER_NID_URL, else the origin of
// x/oauth2's NAVER endpoint.
func nidBase(env *verify.Env) string {
	if b := strings.TrimRight(env.URLs.NaverNID, "/"); b != "" {
		return b
	}
	return strings.TrimSuffix(endpoints.Naver.AuthURL, "/oauth2.0/authorize")
}

// oauthConfig is the application as x/oauth2 sees it, its endpoints rebased on base.
func oauthConfig(base, clientID, secret, redirect string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     clientID,
		ClientSecret: secret,
		RedirectURL:  redirect,
		Endpoint: oauth2.Endpoint{
			AuthURL:   base + "/oauth2.0/authorize",
			TokenURL:  base + "/oauth2.0/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}
}

func httpClient(env *verify.Env) *http.Client {
	if env.HTTP != nil {
		return env.HTTP
	}
	return http.DefaultClient
}

// maxBody bounds what is read of an answer; NAVER's pages are a few kilobytes.
const maxBody = 256 << 10

func couldNotTell(id, step string, why steps.Text, detail string) verify.Result {
	return verify.Result{
		ID: id, Status: verify.Error, Step: step, Detail: detail,
		Message: steps.T("Could not tell: "+why.EN+" Try again in a moment; nothing was changed.",
			"確かめられませんでした："+why.JA+"少しあとでもう一度試してください。何も変わっていません。"),
	}
}

func netProblem(err error) (steps.Text, string) {
	var re *verify.RedirectError
	if errors.As(err, &re) {
		host := steps.Clean(re.Host())
		return steps.T("NAVER's address answered with a redirect to "+host+", which the wizard never follows because the request carries the client secret. Check SETUP_WIZARD_NAVER_NID_URL and any proxy between this computer and NAVER.",
			"NAVERのアドレスが"+host+"への転送（リダイレクト）を返しました。リクエストにはClient Secretが含まれるため、転送先には送りません。SETUP_WIZARD_NAVER_NID_URLと、このパソコンとNAVERの間のプロキシを確認してください。"), "redirect: " + steps.Clean(err.Error())
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return steps.T("NAVER did not answer in time.", "NAVERから時間内に返事がありませんでした。"), "timeout: " + steps.Clean(err.Error())
	}
	return steps.T("NAVER could not be reached (network or proxy).", "NAVERにつながりませんでした（ネットワークかプロキシ）。"), "network: " + steps.Clean(err.Error())
}

// runCredentials proves the client ID and secret with the revoke endpoint and a dummy
// token: NAVER checks the client first and changes nothing for a token it never issued.
func runCredentials(ctx context.Context, env *verify.Env) verify.Result {
	a := env.Answers
	id, secret := a.Get("naver.client_id"), a.Get("naver.client_secret")
	form := url.Values{"client_id": {id}, "client_secret": {secret}, "token": {"setup-wizard-dummy-token"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, nidBase(env)+"/oauth2.0/revoke", strings.NewReader(form.Encode()))
	if err != nil {
		return couldNotTell(CheckCredentialsID, StepCredentials, steps.T("the NAVER address is not valid.", "NAVERのアドレスが正しくありません。"), "request: "+steps.Clean(err.Error()))
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := httpClient(env).Do(req)
	if err != nil {
		why, detail := netProblem(err)
		return couldNotTell(CheckCredentialsID, StepCredentials, why, scrub(detail, secret))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	trimmed := bytes.TrimSpace(body)
	isJSON := json.Unmarshal(trimmed, &e) == nil
	detail := fmt.Sprintf("POST /oauth2.0/revoke: HTTP %d", resp.StatusCode)
	if e.Error != "" {
		detail += " " + steps.Clean(e.Error)
	}
	detail = scrub(detail, secret)
	// NAVER reports some errors as HTTP 200 with an "error" field (FACTS.md), and a proxy
	// or captive portal answers 200 with its own page: only an empty body or a JSON answer
	// without an error is NAVER accepting the pair.
	wrongClient := e.Error == "invalid_client" || e.Error == "unauthorized_client"
	switch {
	case resp.StatusCode == http.StatusOK && e.Error == "" && (len(trimmed) == 0 || isJSON && trimmed[0] == '{'):
		return verify.Result{ID: CheckCredentialsID, Status: verify.Pass, Step: StepCredentials, Detail: detail,
			Message: steps.T("NAVER accepts the Client ID and Client Secret.", "NAVERがClient IDとClient Secretを受け付けました。")}
	case resp.StatusCode == http.StatusOK && !wrongClient:
		if e.Error == "" {
			detail += ": not NAVER's answer (" + probeBodyKind(trimmed) + ")"
		}
		return couldNotTell(CheckCredentialsID, StepCredentials, steps.T("NAVER's answer was neither an acceptance nor a refusal.", "NAVERの応答は、受け付けたとも拒否したとも読めませんでした。"), detail)
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusOK && wrongClient:
		return verify.Result{ID: CheckCredentialsID, Status: verify.Fail, Step: StepCredentials, Detail: detail,
			Message: steps.T("NAVER does not accept this Client ID and Client Secret together. Copy both again from the application's overview in NAVER Developers; the secret changes if someone reissued it.",
				"NAVERがこのClient IDとClient Secretの組み合わせを受け付けません。NAVER Developersのアプリケーション概要から両方をコピーし直してください。誰かが再発行するとシークレットは変わります。")}
	case resp.StatusCode == http.StatusBadRequest:
		return couldNotTell(CheckCredentialsID, StepCredentials, steps.T("NAVER rejected the check request itself.", "NAVERが確認のリクエストそのものを受け付けませんでした。"), detail)
	default:
		return couldNotTell(CheckCredentialsID, StepCredentials, steps.T(fmt.Sprintf("NAVER answered with HTTP %d.", resp.StatusCode), fmt.Sprintf("NAVERがHTTP %dを返しました。", resp.StatusCode)), detail)
	}
}

// probeBodyKind names what came back instead of NAVER's answer, for support.
func probeBodyKind(b []byte) string {
	switch {
	case len(b) > 0 && b[0] == '<':
		return "an HTML page"
	case json.Valid(b):
		return "JSON that is not an object"
	}
	return fmt.Sprintf("%d bytes of text", len(b))
}

// scrub removes the secret from text bound for a report, should an error echo it.
func scrub(s, secret string) string {
	if secret == "" {
		return s
	}
	return strings.ReplaceAll(s, secret, "[secret]")
}

// Verdict is what an authorize probe says about a callback URL.
type Verdict int

const (
	Undetermined Verdict = iota // the answer matches neither known shape
	// LoginPage: NAVER went on to its login page. Whether it judges the URLs before or
	// only after sign-in is UNCONFIRMED (FACTS.md), so this says nothing: cannot tell.
	LoginPage
	Unregistered // NAVER showed its "service settings" error page
)

func (v Verdict) String() string {
	switch v {
	case LoginPage:
		return "login_page"
	case Unregistered:
		return "unregistered"
	}
	return "undetermined"
}

// The sentences of NAVER's error page for an application whose service or callback URL
// does not match (Korean and English versions of the page).
var unregisteredMarks = []string{
	"서비스 설정에 오류가 있어 네이버 아이디로 로그인할 수 없습니다",
	"서비스 설정에 오류가 있어",
	"You cannot log in with your NAVER account due to an error",
}

// ClassifyAuthorize reads NAVER's answer to an authorize request made without following
// redirects. A redirect to the login page (nidlogin.login) means only that NAVER wants a
// signed-in visitor first (cannot tell); NAVER's error page (its status is UNCONFIRMED, so any status
// is read) means the callback URL or the service URL is not registered. Everything else is
// undetermined. The string says what was seen, for the report's detail.
func ClassifyAuthorize(status int, location string, body []byte) (Verdict, string) {
	text := string(body)
	for _, m := range unregisteredMarks {
		if strings.Contains(text, m) {
			return Unregistered, fmt.Sprintf("HTTP %d: NAVER's service settings error page", status)
		}
	}
	if status >= 300 && status < 400 && location != "" {
		u, err := url.Parse(location)
		if err != nil {
			return Undetermined, fmt.Sprintf("HTTP %d: unreadable Location", status)
		}
		if strings.Contains(u.Path, "nidlogin.login") {
			return LoginPage, fmt.Sprintf("HTTP %d: redirect to NAVER's login page", status)
		}
		if e := u.Query().Get("error"); e != "" {
			return Undetermined, fmt.Sprintf("HTTP %d: redirect with error=%s", status, steps.Clean(e))
		}
		return Undetermined, fmt.Sprintf("HTTP %d: redirect to %s%s", status, steps.Clean(u.Host), steps.Clean(u.Path))
	}
	// A login page sent by script instead of a redirect header.
	if status == http.StatusOK && strings.Contains(text, "nidlogin.login") {
		return LoginPage, "HTTP 200: page moving on to NAVER's login page"
	}
	return Undetermined, fmt.Sprintf("HTTP %d: neither NAVER's login page nor its error page", status)
}

type probe struct {
	env, url string
	verdict  Verdict
	detail   string
	err      error
}

func newState() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// runCallback asks NAVER to start a login for every callback URL of every environment and
// reads where it would send the visitor.
func runCallback(ctx context.Context, env *verify.Env) verify.Result {
	a := env.Answers
	var probes []*probe
	for _, e := range []struct {
		name string
		key  string
	}{{"pc_web", KeyPCCallbacks}, {"mobile_web", KeyMobileCallbacks}} {
		for _, cb := range a.List(e.key) {
			probes = append(probes, &probe{env: e.name, url: cb})
		}
	}
	base := nidBase(env)
	client := verify.NoRedirects(httpClient(env))
	var wg sync.WaitGroup
	for _, p := range probes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.verdict, p.detail, p.err = authorizeProbe(ctx, client, oauthConfig(base, a.Get("naver.client_id"), "", p.url))
		}()
	}
	wg.Wait()

	var bad, unclear, login []string
	var details []string
	var firstErr error
	for _, p := range probes {
		u := steps.Clean(p.url)
		switch {
		case p.err != nil:
			_, d := netProblem(p.err)
			details = append(details, u+": "+d)
			unclear = append(unclear, u)
			if firstErr == nil {
				firstErr = p.err
			}
		default:
			details = append(details, u+": "+p.detail)
			switch p.verdict {
			case Unregistered:
				bad = append(bad, u)
			case LoginPage:
				login = append(login, u)
			case Undetermined:
				unclear = append(unclear, u)
			}
		}
	}
	detail := strings.Join(details, "; ")
	res := verify.Result{ID: CheckCallbackID, Step: StepEnvironments, Detail: detail}
	switch {
	case len(bad) > 0:
		list := strings.Join(bad, ", ")
		res.Status = verify.Fail
		res.Message = steps.T(
			"NAVER refuses to start a login for "+list+": the callback URL, or the service URL of its environment, is not registered in the application (or the Client ID belongs to another application). Add it under the environment in NAVER Developers exactly as written here, and save.",
			"NAVERが"+list+"へのログインを始めません。コールバックURLか、その環境のサービスURLがアプリケーションに登録されていません（またはClient IDが別のアプリケーションのものです）。NAVER Developersの環境にここに書いたとおり追加して保存してください。")
	case len(unclear) > 0:
		why := steps.T("NAVER's answer for "+strings.Join(unclear, ", ")+" was neither its login page nor its error page.",
			"NAVERの"+strings.Join(unclear, ", ")+"への返事が、ログイン画面でもエラー画面でもありませんでした。")
		if firstErr != nil {
			why, _ = netProblem(firstErr)
		}
		return couldNotTell(CheckCallbackID, StepEnvironments, why, detail)
	default:
		// Every URL led to the login page: NAVER gave no verdict to pass on.
		list := strings.Join(login, ", ")
		res.Status = verify.Warn
		res.Message = steps.T(
			"Cannot tell whether NAVER accepts "+list+": NAVER sends a visitor who is not signed in to its login page first, and may judge the service and callback URLs only after sign-in. To find out, press the shop's NAVER login button and sign in with the registering ID or a tester ID (while the application is 개발 중, only they can). NAVER's consent screen, or a return to the shop, means the URLs are right; a page saying \"… 서비스 설정에 오류가 있어 네이버 아이디로 로그인할 수 없습니다\" (\"You cannot log in with your NAVER account due to an error in the … service settings\") means the service URL or the callback URL is not registered: add it under the environment in NAVER Developers and save.",
			list+"をNAVERが受け付けるかは、ここからは分かりません。NAVERはログインしていない人をまずログイン画面に送り、サービスURLとコールバックURLはログイン後に確かめることがあるためです。確かめるには、ショップのNAVERログインボタンを押し、登録したアカウントかテスターIDでログインしてください（「개발 중」の間はそれ以外ではログインできません）。NAVERの同意画面が出るか、ショップに戻れば正しく登録されています。「… 서비스 설정에 오류가 있어 네이버 아이디로 로그인할 수 없습니다」（…サービスの設定に誤りがあるためNAVER IDでログインできません）と出たら、サービスURLかコールバックURLが登録されていません。NAVER Developersの環境に追加して保存してください。")
	}
	return res
}

// authorizeProbe makes one authorize request without following redirects.
func authorizeProbe(ctx context.Context, client *http.Client, cfg *oauth2.Config) (Verdict, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cfg.AuthCodeURL(newState()), nil)
	if err != nil {
		return Undetermined, "", err
	}
	resp, err := client.Do(req)
	if err != nil {
		return Undetermined, "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	v, d := ClassifyAuthorize(resp.StatusCode, resp.Header.Get("Location"), body)
	return v, d, nil
}

// runURLs applies the planner's rules to both environments, offline.
func runURLs(_ context.Context, env *verify.Env) verify.Result {
	a := env.Answers
	var errs, warns []steps.Text
	for _, e := range []webEnv{envPC, envMobile} {
		if a.Get(e.serviceKey) == "" && a.Get(e.callbacksKey) == "" {
			continue
		}
		ps := CheckURLs(a.Get(e.serviceKey), a.List(e.callbacksKey))
		if len(a.List(e.callbacksKey)) == 0 {
			ps = append(ps, steps.Problem{
				Rule: steps.T("no callback URL is listed.", "コールバックURLがありません。"),
				Fix:  steps.T("Add at least one, such as the service URL itself.", "サービスURLと同じものなど、少なくとも1つ入れてください。"),
			})
		}
		for _, p := range ps {
			p.Label = e.name
			msg := steps.T(p.Message(steps.EN), p.Message(steps.JA))
			if p.Severity == steps.Error {
				errs = append(errs, msg)
			} else {
				warns = append(warns, msg)
			}
		}
	}
	join := func(ms []steps.Text) steps.Text {
		var en, ja []string
		for _, m := range ms {
			en, ja = append(en, m.EN), append(ja, m.JA)
		}
		return steps.T(strings.Join(en, " "), strings.Join(ja, " "))
	}
	res := verify.Result{ID: CheckURLsID, Step: StepEnvironments}
	switch {
	case len(errs) > 0:
		res.Status, res.Message = verify.Fail, join(append(errs, warns...))
		res.Detail = fmt.Sprintf("%d rule(s) broken, %d warning(s)", len(errs), len(warns))
	case len(warns) > 0:
		res.Status, res.Message = verify.Warn, join(warns)
		res.Detail = fmt.Sprintf("%d warning(s)", len(warns))
	default:
		res.Status = verify.Pass
		res.Message = steps.T("The service and callback URLs follow NAVER's rules.", "サービスURLとコールバックURLはNAVERの決まりに合っています。")
	}
	return res
}

package line

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// CallbackVerdict is what LINE's authorize endpoint says about a callback URL.
type CallbackVerdict string

const (
	// CallbackRegistered: LINE sent the visitor back to the callback URL (with a code or
	// an error), which it does only for a registered callback URL.
	CallbackRegistered CallbackVerdict = "registered"
	// CallbackLoginPage: LINE went on to its login page. It does so for every anonymous
	// request and judges redirect_uri only after sign-in (FACTS.md), so this says nothing
	// about the callback URL: cannot tell.
	CallbackLoginPage CallbackVerdict = "login_page"
	// CallbackUnregistered: LINE refused the redirect_uri.
	CallbackUnregistered CallbackVerdict = "unregistered"
	// CallbackWrongClientID: LINE does not know the Login channel ID.
	CallbackWrongClientID CallbackVerdict = "wrong_client_id"
	// CallbackUnknown: the answer says neither (an outage, a rate limit, a new page).
	CallbackUnknown CallbackVerdict = "unknown"
)

// ClassifyAuthorize reads LINE's answer to an authorize request made without following
// redirects. It is the one place that knows what LINE's pages say (FACTS.md marks the texts
// as community-reported); testdata/line/authorize holds the pages it is tested against.
// detail is for support: the status and what decided the verdict.
func ClassifyAuthorize(status int, location string, body []byte) (CallbackVerdict, string) {
	if status >= 300 && status < 400 {
		if location == "" {
			return CallbackUnknown, fmt.Sprintf("HTTP %d without a Location header", status)
		}
		u, err := url.Parse(location)
		if err != nil {
			return CallbackUnknown, fmt.Sprintf("HTTP %d with an unreadable Location", status)
		}
		where := probeShortURL(u)
		switch {
		case strings.Contains(u.Path, "/oauth2/v2.1/login"), strings.HasPrefix(u.Path, "/dialog/"):
			return CallbackLoginPage, fmt.Sprintf("HTTP %d to LINE's login page (%s): LINE judges redirect_uri only after sign-in", status, where)
		case u.Query().Has("code"), u.Query().Has("error"):
			// LINE sends an answer or an error back only to a registered callback URL.
			e := steps.Clean(u.Query().Get("error"))
			if e == "" {
				e = "code"
			}
			return CallbackRegistered, fmt.Sprintf("HTTP %d back to the callback URL (%s, %s)", status, where, probeTrim(e, 60))
		}
		return CallbackUnknown, fmt.Sprintf("HTTP %d to an unexpected page (%s)", status, where)
	}
	text := strings.ToLower(string(body))
	if status < 500 && status != http.StatusTooManyRequests {
		switch {
		case strings.Contains(text, "invalid redirect_uri"):
			return CallbackUnregistered, fmt.Sprintf("HTTP %d: Invalid redirect_uri value", status)
		case strings.Contains(text, "invalid client_id"):
			return CallbackWrongClientID, fmt.Sprintf("HTTP %d: Invalid client_id", status)
		}
	}
	if m := probePageMessage(body); m != "" {
		return CallbackUnknown, fmt.Sprintf("HTTP %d: %s", status, m)
	}
	return CallbackUnknown, fmt.Sprintf("HTTP %d", status)
}

// probePageMessage pulls a short readable message out of an error page or JSON body.
func probePageMessage(body []byte) string {
	s := string(body)
	if i := strings.Index(s, `"message"`); i >= 0 {
		s = s[i+len(`"message"`):]
		s = strings.TrimLeft(s, ` :"`)
		if j := strings.IndexByte(s, '"'); j >= 0 {
			return probeTrim(steps.Clean(s[:j]), 120)
		}
	}
	if i := strings.Index(strings.ToLower(s), "<title>"); i >= 0 {
		s = s[i+len("<title>"):]
		if j := strings.Index(strings.ToLower(s), "</title>"); j >= 0 {
			return probeTrim(strings.TrimSpace(steps.Clean(s[:j])), 120)
		}
	}
	return ""
}

func probeShortURL(u *url.URL) string {
	s := u.Host + u.Path
	if s == "" {
		s = u.String()
	}
	return probeTrim(steps.Clean(s), 100)
}

func probeTrim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// probeNoRedirects is env.HTTP (or the default client) that stops at the first answer, so
// a redirect is read instead of followed off to another site.
func probeNoRedirects(env *verify.Env) *http.Client {
	return verify.NoRedirects(env.HTTP)
}

// probeAnswer is one answer read without following redirects.
type probeAnswer struct {
	status   int
	location string
	body     []byte
}

// probeGet makes one GET and reads at most 64 KiB of the body.
func probeGet(ctx context.Context, env *verify.Env, target string) (probeAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return probeAnswer{}, err
	}
	// LINE's error pages are matched by their English text.
	req.Header.Set("Accept-Language", "en")
	res, err := probeNoRedirects(env).Do(req)
	if err != nil {
		return probeAnswer{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if err != nil {
		return probeAnswer{}, err
	}
	return probeAnswer{status: res.StatusCode, location: res.Header.Get("Location"), body: bytes.TrimSpace(body)}, nil
}

// probeAuthorizeURL builds the authorize request a CMS would send, with fresh state and
// PKCE values (nothing is ever exchanged: the probe stops at LINE's first answer).
func probeAuthorizeURL(base, clientID, redirectURI string) string {
	verifier := probeRandom(32)
	sum := sha256.Sum256([]byte(verifier))
	q := url.Values{
		"response_type":         {"code"},
		"client_id":             {clientID},
		"redirect_uri":          {redirectURI},
		"state":                 {probeRandom(16)},
		"scope":                 {"profile openid"},
		"code_challenge":        {base64.RawURLEncoding.EncodeToString(sum[:])},
		"code_challenge_method": {"S256"},
	}
	return strings.TrimRight(base, "/") + "/oauth2/v2.1/authorize?" + q.Encode()
}

func probeRandom(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// probeFriendID reads the account an add-friend URL names. For https://line.me/R/ti/p/…
// it returns the decoded ID; for https://lin.ee/… it returns the slug with short true.
func probeFriendID(raw string) (id string, short bool, ok bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", false, false
	}
	host := strings.ToLower(u.Host)
	p := strings.Trim(u.Path, "/")
	switch host {
	case "lin.ee", "www.lin.ee":
		if p == "" || strings.Contains(p, "/") {
			return "", false, false
		}
		return p, true, true
	case "line.me", "www.line.me", "page.line.me":
		for _, prefix := range []string{"R/ti/p/", "ti/p/"} {
			if rest, found := strings.CutPrefix(p, prefix); found && rest != "" && !strings.Contains(rest, "/") {
				return rest, false, true
			}
		}
	}
	return "", false, false
}

// probeSameAccount compares two account IDs as LINE shows them, with or without "@".
func probeSameAccount(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "@")) }
	return a != "" && b != "" && norm(a) == norm(b)
}

// probeLinEE resolves a lin.ee slug with one request to env.URLs.LinEE and returns the ID
// the Location names. reason says why it could not, in words for support.
func probeLinEE(ctx context.Context, env *verify.Env, slug string) (id string, reason string) {
	base := env.URLs.LinEE
	if base == "" {
		base = "https://lin.ee"
	}
	ans, err := probeGet(ctx, env, strings.TrimRight(base, "/")+"/"+url.PathEscape(slug))
	if err != nil {
		return "", chkNetReason(ctx, err)
	}
	if ans.status < 300 || ans.status >= 400 || ans.location == "" {
		return "", fmt.Sprintf("lin.ee answered HTTP %d without a redirect", ans.status)
	}
	id, short, ok := probeFriendID(ans.location)
	if !ok || short {
		u, _ := url.Parse(ans.location)
		where := "?"
		if u != nil {
			where = probeShortURL(u)
		}
		return "", fmt.Sprintf("lin.ee redirected to %s, which names no account", where)
	}
	return id, ""
}

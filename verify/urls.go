package verify

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Environment variables that move the API roots (contract, DESIGN.md).
const (
	EnvLineAPI      = "SETUP_WIZARD_LINE_API_URL"
	EnvLineAccess   = "SETUP_WIZARD_LINE_ACCESS_URL"
	EnvNaverNID     = "SETUP_WIZARD_NAVER_NID_URL"
	EnvNaverOpenAPI = "SETUP_WIZARD_NAVER_OPENAPI_URL"
)

// DefaultURLs are the real services.
func DefaultURLs() BaseURLs {
	return BaseURLs{
		LineAPI:      "https://api.line.me",
		LineAccess:   "https://access.line.me",
		NaverNID:     "https://nid.naver.com",
		NaverOpenAPI: "https://openapi.naver.com",
		LinEE:        "https://lin.ee",
	}
}

// URLsFromEnv reads the API roots from the environment (getenv is os.Getenv outside
// tests); unset ones keep their defaults, trailing slashes are trimmed. The error is
// u.Validate(): every root that cannot be used, as *URLError values joined.
func URLsFromEnv(getenv func(string) string) (BaseURLs, error) {
	u := DefaultURLs()
	set := func(dst *string, name string) {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			*dst = strings.TrimRight(v, "/")
		}
	}
	set(&u.LineAPI, EnvLineAPI)
	set(&u.LineAccess, EnvLineAccess)
	set(&u.NaverNID, EnvNaverNID)
	set(&u.NaverOpenAPI, EnvNaverOpenAPI)
	return u, u.Validate()
}

// URLError says which API root is unusable and why.
type URLError struct {
	Var    string // the environment variable, or the field name for LinEE
	Value  string // cleaned for display
	Reason steps.Text
}

func (e *URLError) Error() string { return e.Message(steps.EN) }

// Message is the sentence for the user in l.
func (e *URLError) Message(l steps.Lang) string {
	if l == steps.JA {
		return fmt.Sprintf("%sの値%qは使えません：%s正しいURL（例https://api.line.me）にするか、設定を外してください。", e.Var, e.Value, e.Reason.In(l))
	}
	return fmt.Sprintf("%s is set to %q, which cannot be used: %s Set it to a full URL such as https://api.line.me, or unset it.", e.Var, e.Value, e.Reason.In(l))
}

// Validate reports every root that is not an absolute http or https URL without query
// or fragment; the errors are *URLError, joined.
func (u BaseURLs) Validate() error {
	var errs []error
	for _, f := range []struct{ name, v string }{
		{EnvLineAPI, u.LineAPI}, {EnvLineAccess, u.LineAccess},
		{EnvNaverNID, u.NaverNID}, {EnvNaverOpenAPI, u.NaverOpenAPI},
		{"LinEE", u.LinEE},
	} {
		if reason := checkRoot(f.v); reason != nil {
			errs = append(errs, &URLError{Var: f.name, Value: steps.Clean(f.v), Reason: *reason})
		}
	}
	return errors.Join(errs...)
}

func checkRoot(v string) *steps.Text {
	bad := func(en, ja string) *steps.Text { t := steps.T(en, ja); return &t }
	if v == "" {
		return bad("it is empty.", "空です。")
	}
	p, err := url.Parse(v)
	if err != nil {
		return bad("it is not a URL.", "URLではありません。")
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return bad("it must start with https:// (or http:// for a local test server).", "https://（ローカルのテストサーバーならhttp://）で始まる必要があります。")
	}
	if p.Host == "" {
		return bad("it has no host name.", "ホスト名がありません。")
	}
	if p.RawQuery != "" || p.Fragment != "" || p.User != nil {
		return bad("it must not carry a query, a fragment or a user name.", "クエリ、フラグメント、ユーザー名を含めることはできません。")
	}
	return nil
}

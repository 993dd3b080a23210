package naver

import (
	"fmt"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// The validators NAVER's values need, built on the shared ones in steps where they fit.

// Known lengths: every client ID seen is 20 characters and every secret 10.
const (
	ClientIDLength     = 20
	ClientSecretLength = 10
	MaxAppNameLength   = 40
)

// ValidateAppName enforces NAVER's rules for an application name: at most 40 characters;
// a warning when it looks like NAVER's own service or says nothing about the shop.
func ValidateAppName(v string, _ steps.Answers) *steps.Problem {
	if p := steps.MaxLen(MaxAppNameLength, steps.T("Shorten it; the shop's name alone is enough.", "短くしてください。ショップ名だけで十分です。"))(v, nil); p != nil {
		return p
	}
	lower := strings.ToLower(v)
	if strings.Contains(lower, "naver") || strings.Contains(v, "네이버") || strings.Contains(v, "ネイバー") {
		return &steps.Problem{
			Severity: steps.Warning,
			Rule:     steps.T("names NAVER; NAVER refuses names that look like its own service.", "NAVERの名前が入っています。NAVER自身のサービスに見える名前は審査で断られます。"),
			Fix:      steps.T("Use the shop's own name.", "ショップ自身の名前にしてください。"),
		}
	}
	compact := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '_' || r == '.' {
			return -1
		}
		return r
	}, lower)
	if meaningless[compact] {
		return &steps.Problem{
			Severity: steps.Warning,
			Rule:     steps.T("says nothing about the shop; NAVER refuses names such as \"login\" or \"test\".", "ショップのことが分からない名前です。「login」「test」のような名前はNAVERの審査で断られます。"),
			Fix:      steps.T("Use the shop's name, as customers know it.", "お客様が知っているショップ名にしてください。"),
		}
	}
	return nil
}

// meaningless are names (lower case, without spaces) that tell a visitor nothing.
var meaningless = map[string]bool{
	"login": true, "로그인": true, "ログイン": true, "test": true, "테스트": true, "テスト": true,
	"logintest": true, "testlogin": true, "app": true, "앱": true, "アプリ": true, "sns": true,
	"snslogin": true, "sociallogin": true, "shop": true, "쇼핑몰": true, "ショップ": true,
	"sample": true, "demo": true, "application": true, "myapp": true, "oauth": true,
}

// ValidateClientID: letters, digits, _ and -, at most 40; a warning when not 20 long.
func ValidateClientID(v string, _ steps.Answers) *steps.Problem {
	return credential(v, ClientIDLength,
		steps.T("Copy the Client ID again from the application's overview in NAVER Developers.", "NAVER Developersのアプリケーション概要からClient IDをもう一度コピーしてください。"))
}

// ValidateClientSecret: as the client ID, expected 10 long. The value never appears in
// the message.
func ValidateClientSecret(v string, _ steps.Answers) *steps.Problem {
	return credential(v, ClientSecretLength,
		steps.T("Copy the Client Secret again from the application's overview in NAVER Developers (press \"show\" first).", "NAVER Developersのアプリケーション概要からClient Secretをもう一度コピーしてください（先に「表示」を押します）。"))
}

func credentialRune(r rune) bool { return steps.IsAlnum(r) || r == '_' || r == '-' }

func credential(v string, want int, fix steps.Text) *steps.Problem {
	check := steps.All(
		steps.Charset(steps.T("letters, digits, _ and -", "英数字と_ -"), credentialRune, fix),
		steps.MaxLen(40, fix),
	)
	if p := check(v, nil); p != nil {
		return p
	}
	if n := steps.Len(v); n != want {
		return steps.Warnf(
			steps.T(fmt.Sprintf("has %d characters; NAVER's are %d long.", n, want), fmt.Sprintf("%d文字です。NAVERの値は%d文字です。", n, want)),
			fix)
	}
	return nil
}

// ValidateURL accepts one http:// or https:// address with a host (NAVER accepts http).
func ValidateURL(v string, _ steps.Answers) *steps.Problem {
	if p := fullWidthProblem("", "", v); p != nil {
		p.Rule = steps.T("is typed with full-width characters.", "全角文字で入力されています。")
		return p
	}
	if _, ok := parseURL(v); ok {
		return nil // also an internationalised domain, which steps.URL does not take
	}
	if p := steps.URL(steps.Text{})(v, nil); p != nil {
		return p
	}
	return steps.Errorf(steps.T("is not an http:// or https:// address.", "http://かhttps://で始まるアドレスではありません。"),
		steps.T("Enter it as https://sample.com.", "https://sample.comの形で入力してください。"))
}

// ValidateDomain accepts what the planner can read: a domain with or without scheme,
// www, path or trailing slash.
func ValidateDomain(v string, _ steps.Answers) *steps.Problem {
	_, p := parseDomain(v)
	return p
}

// ValidateDomains checks each domain of a list and names the first that cannot be read.
func ValidateDomains(v string, a steps.Answers) *steps.Problem {
	for _, d := range steps.SplitList(v) {
		if p := ValidateDomain(d, a); p != nil {
			return p
		}
	}
	return nil
}

package platform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
)

func TestBuiltinsLoad(t *testing.T) {
	got := Builtins()
	if strings.Join(got, ",") != "cafe24,leporto,generic" {
		t.Fatalf("built-ins %v", got)
	}
	for _, id := range got {
		p, ok := Builtin(id)
		if !ok || p.ID != id || p.Name.EN == "" || p.Name.JA == "" {
			t.Errorf("%s: %+v", id, p)
		}
	}
	lep, _ := Builtin("leporto")
	if lep.LINE.PrivacyPolicyURL != "https://leporto.com/privacy" || lep.LINE.TermsURL != "https://leporto.com/terms" {
		t.Errorf("leporto URLs %+v", lep.LINE)
	}
	c := lep.LINE.CMS
	if c.NextButton.JA != "［次へ］" || c.SavedMessage.JA != "保存しました" || c.BackButton.JA != "［戻る］" || !c.WebhookAfterSave {
		t.Errorf("leporto CMS %+v", c)
	}
	if lep.Offers("naver") || !lep.Offers("line") {
		t.Error("leporto is a LINE platform")
	}
	cafe, _ := Builtin("cafe24")
	if cafe.Offers("line") || cafe.NAVER.Platform != "cafe24" || !strings.Contains(cafe.NAVER.Admin.Where.JA, "「SNS連携管理」") {
		t.Errorf("cafe24 %+v", cafe.NAVER)
	}
	for _, prov := range []string{"line", "naver"} {
		fits := For(prov)
		if len(fits) != 2 || !fits[1].IsGeneric() {
			t.Errorf("%s: %d profiles fit, generic last expected", prov, len(fits))
		}
	}
}

func TestLoadByNameOrFile(t *testing.T) {
	if p, err := Load("leporto"); err != nil || p.ID != "leporto" || p.Source != "built in" {
		t.Fatalf("Load(leporto) = %+v, %v", p, err)
	}
	p, err := Load(filepath.Join("..", "testdata", "platform", "example.yaml"))
	if err != nil {
		t.Fatalf("the example profile: %v", err)
	}
	if got := p.Fill(p.LINE.WebhookURL, steps.Answers{"flow.platform.shop": "salon-a"}); got != "https://salon-a.example-shops.com/line/webhook" {
		t.Errorf("webhook template filled = %q", got)
	}
	for _, bad := range []string{"", "UPPER", "salon a"} {
		if got := p.Fill(p.LINE.CallbackURL, steps.Answers{"flow.platform.shop": bad}); got != "" {
			t.Errorf("template filled with %q = %q, want nothing", bad, got)
		}
	}
	_, err = Load("nosuch")
	if err == nil || !strings.Contains(err.Error(), "cafe24, leporto, generic") {
		t.Errorf("unknown name: %v", err)
	}
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("oversized file: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory: %v", err)
	}
}

// Strict loading: every mistake names the key, its line and the fix, in both languages.
func TestParseRefuses(t *testing.T) {
	head := "version: 1\nid: shop\nname: {en: Shop, ja: Shop}\n"
	for _, c := range []struct {
		name, body string
		line       int
		en, ja     string
	}{
		{"unknown key", head + "line:\n  privacy_url: https://x.example.com/p\n", 5, `unknown key "privacy_url"`, `不明なキー"privacy_url"`},
		{"unknown top key", head + "colour: red\nline: {}\n", 4, `unknown key "colour"`, "不明なキー"},
		{"duplicate", head + "line:\n  terms_url: https://a.example.com/t\n  terms_url: https://b.example.com/t\n", 6, "appears twice", "2回"},
		{"http URL", head + "line:\n  terms_url: http://a.example.com/t\n", 5, `"terms_url" must start with https://`, "https://"},
		{"no scheme", head + "line:\n  privacy_policy_url: leporto.com/privacy\n", 5, "must start with https://", "https://"},
		{"local host", head + "line:\n  privacy_policy_url: https://localhost/privacy\n", 5, "private network", "プライベートネットワーク"},
		{"version", "version: 2\nid: shop\nname: {en: S, ja: S}\nline: {}\n", 1, `"version" must be 1`, "version"},
		{"id", "version: 1\nid: My Shop\nname: {en: S, ja: S}\nline: {}\n", 2, `"id" must be`, "「id」"},
		{"name in one language", "version: 1\nid: shop\nname: {en: Shop}\nline: {}\n", 3, `both "en" and "ja"`, "両方"},
		{"no provider", head, 2, `neither a "line" nor a "naver"`, "「line」も「naver」も"},
		{"undeclared placeholder", head + "line:\n  webhook_url: https://{shop}.example.com/hook\n", 5, "{shop} is not a declared field", "{shop}"},
		{"stray brace", head + "fields:\n  - {name: shop, label: {en: Shop, ja: Shop}}\nline:\n  webhook_url: https://{shop}.example.com/{Hook}\n", 7, "brace", "波かっこ"},
		{"bad pattern", head + "fields:\n  - name: shop\n    label: {en: Shop, ja: Shop}\n    pattern: \"[a-z\"\n    example: a\nline: {}\n", 7, "not a regular expression", "正規表現"},
		{"naver platform", head + "naver:\n  platform: shopify\n", 5, "cafe24 or other", "cafe24かother"},
		{"wrong type", head + "line:\n  cms:\n    webhook_after_save: sometimes\n", 6, "wrong type", "型が違います"},
		{"empty", "", 0, "is empty", "空です"},
		// The raw text is checked as the config's is, before the decoder sees it.
		{"byte-order mark", "\ufeff" + head + "line: {}\n", 1, "byte-order mark", "BOM"},
		{"Latin-1", head + "line:\n  cms:\n    name: {en: Caf\xe9, ja: x}\n", 6, "not UTF-8", "UTF-8ではない"},
		{"NUL", head + "line:\n  terms_url: https://a.example.com/t\x00\n", 5, "NUL character", "NUL文字"},
		{"deep nesting", head + "line: " + strings.Repeat("[", 40000) + "\n", 4, "nested more than", "入れ子"},
		{"second document", head + "line: {}\n---\nid: other\n", 5, "second YAML document", "2つ目のYAML文書"},
		{"tab in a value", head + "line:\n  terms_url: https://a.example.com/t\tx\n", 5, "tab character", "タブ"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(c.body))
			le, ok := err.(*LoadError)
			if !ok {
				t.Fatalf("error %v (%T), want a LoadError", err, err)
			}
			if le.Line != c.line {
				t.Errorf("line %d, want %d: %s", le.Line, c.line, le.Error())
			}
			if !strings.Contains(le.In(steps.EN), c.en) || !strings.Contains(le.In(steps.JA), c.ja) {
				t.Errorf("messages:\n en %s\n ja %s", le.In(steps.EN), le.In(steps.JA))
			}
		})
	}
}

func TestTemplateNames(t *testing.T) {
	tp := Template("https://{shop}.example.com/{area}/{shop}")
	if got := strings.Join(tp.Names(), ","); got != "shop,area" {
		t.Errorf("names %q", got)
	}
}

// Texts of a profile file never carry escape sequences or control characters to a screen.
func TestProfileTextsAreCleaned(t *testing.T) {
	p, err := Parse("p.yaml", []byte("version: 1\nid: x\nname: {en: \"Evil\\e[2J\\a\", ja: \"悪\\e]0;t\\a\"}\nnaver:\n  review_platform_name: \"a\\rb\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{p.Name.EN, p.Name.JA, p.NAVER.ReviewPlatformName} {
		if strings.ContainsAny(s, "\x1b\a\r") {
			t.Errorf("control characters kept: %q", s)
		}
	}
}

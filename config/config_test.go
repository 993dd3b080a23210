package config

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/setup-wizard/setup-wizard/internal/sample"
)

// full is a file with every key of the schema set, from the sandbox samples.
func full() map[string]string {
	return map[string]string{
		"line.flow":                               "new",
		"line.account_name":                       sample.AccountName,
		"line.provider_name":                      sample.ProviderName,
		"line.policy.privacy_policy_url":          sample.PrivacyPolicyURL,
		"line.policy.terms_url":                   sample.TermsURL,
		"line.messaging_api.channel_id":           sample.ChannelID,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       sample.AddFriendURL,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
		"naver.application_name":                  sample.ShopName,
		"naver.client_id":                         sample.NaverClientID,
		"naver.client_secret":                     sample.NaverClientSecret,
		"naver.items.name":                        "true",
		"naver.items.email":                       "false",
		"naver.pc_web.service_url":                "https://sample.com",
		"naver.pc_web.callback_urls":              "https://sample.com\nhttps://www.sample.com",
		"naver.mobile_web.service_url":            "https://m.sample.com",
		"naver.mobile_web.callback_urls":          "https://m.sample.com",
		"naver.platform":                          "cafe24",
		"naver.review_status":                     "development",
	}
}

func TestEveryKeyIsCovered(t *testing.T) {
	f := full()
	for _, k := range Keys() {
		if _, ok := f[k]; !ok {
			t.Errorf("test file lacks key %s", k)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	c, unknown := FromValues(full())
	if len(unknown) != 0 {
		t.Fatalf("unknown keys: %v", unknown)
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("x.yaml", b)
	if err != nil {
		t.Fatalf("parse of what Marshal wrote: %v\n%s", err, b)
	}
	if got := back.Values(); !maps.Equal(got, full()) {
		t.Errorf("round trip changed values:\n got %v\nwant %v", got, full())
	}
	// IDs stay strings even though they look like numbers.
	if !strings.Contains(string(b), `channel_id: "`+sample.ChannelID+`"`) && !strings.Contains(string(b), `channel_id: '`+sample.ChannelID+`'`) {
		t.Errorf("channel ID not quoted:\n%s", b)
	}
}

func TestFromValuesReturnsUnknownKeys(t *testing.T) {
	_, unknown := FromValues(map[string]string{"flow.line.oa_exists": "true", "line.account_name": "x", "line.nope": "y"})
	if strings.Join(unknown, ",") != "flow.line.oa_exists,line.nope" {
		t.Errorf("unknown = %v", unknown)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		line int    // 0: no error expected
		msg  string // must appear in the error
	}{
		{"empty", "", 0, ""},
		{"minimal", "version: 1\n", 0, ""},
		{"unknown top-level key", "version: 1\nlien:\n  flow: new\n", 2, `unknown key "lien"`},
		{"unknown nested key", "version: 1\nline:\n  messaging_api:\n    chanel_secret: abc\n", 4, `unknown key "chanel_secret"`},
		{"unknown key deep in naver", "version: 1\nnaver:\n  pc_web:\n    service_url: https://a\n    callback: [x]\n", 5, `"callback"`},
		{"missing version", "line:\n  flow: new\n", 0, `"version" is missing`},
		{"wrong version", "line:\n  flow: new\nversion: 2\n", 3, `"version: 2" is not supported`},
		{"list for a string", "version: 1\nline:\n  account_name: [a, b]\n", 3, "wrong type"},
		{"word for a yes/no", "version: 1\nnaver:\n  items: {name: maybe}\n", 3, "wrong type"},
		{"string for a list", "version: 1\nnaver:\n  pc_web:\n    callback_urls: https://a\n", 4, ""},
		{"duplicate key", "version: 1\nline:\n  flow: new\n  flow: switch\n", 4, `"flow"`},
		{"broken yaml", "version: [\n", 1, "not valid YAML"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Parse("setup-wizard.yaml", []byte(c.in))
			wantErr := c.line != 0 || c.msg != ""
			if !wantErr {
				if err != nil || cfg == nil || cfg.Version != Version {
					t.Fatalf("got %v, %v", cfg, err)
				}
				return
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a *LoadError, got %T %v", err, err)
			}
			if le.Line != c.line {
				t.Errorf("line %d, want %d (%v)", le.Line, c.line, err)
			}
			if !strings.Contains(err.Error(), c.msg) || !strings.HasPrefix(err.Error(), "setup-wizard.yaml") {
				t.Errorf("%q lacks %q or the file name", err.Error(), c.msg)
			}
		})
	}
}

func TestSaveModeAndBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "setup-wizard.yaml")
	first, _ := FromValues(map[string]string{"line.account_name": "First"})
	if err := Save(path, first); err != nil {
		t.Fatal(err)
	}
	mode := func(p string) os.FileMode {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Mode().Perm()
	}
	if m := mode(path); m != 0o600 {
		t.Errorf("mode %v, want 0600", m)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("no backup expected on the first save: %v", err)
	}
	second, _ := FromValues(map[string]string{"line.account_name": "Second"})
	if err := Save(path, second); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil || got.Get("line.account_name") != "Second" {
		t.Fatalf("load: %v %v", got, err)
	}
	bak, err := Load(path + ".bak")
	if err != nil || bak.Get("line.account_name") != "First" {
		t.Fatalf("backup: %v %v", bak, err)
	}
	if m := mode(path + ".bak"); m != 0o600 {
		t.Errorf("backup mode %v, want 0600", m)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
}

func TestRedacted(t *testing.T) {
	c, _ := FromValues(full())
	r := c.Redacted()
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.Secrets() {
		if strings.Contains(string(b), s) {
			t.Errorf("redacted file still holds a secret (%s)", RedactValue(s))
		}
	}
	if len(c.Secrets()) != 4 {
		t.Errorf("Secrets() = %d values, want 4", len(c.Secrets()))
	}
	for _, k := range SecretKeys() {
		if got, want := r.Get(k), RedactValue(c.Get(k)); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	if r.Get("line.messaging_api.channel_id") != sample.ChannelID || r.Get("line.login.callback_url") != sample.CallbackURL {
		t.Error("redaction touched a value that is not secret")
	}
	if c.Get("line.messaging_api.channel_secret") != sample.ChannelSecret {
		t.Error("Redacted changed the original")
	}
	if _, err := Parse("redacted.yaml", b); err != nil {
		t.Errorf("redacted output is not a valid file: %v", err)
	}
}

func TestRedactValue(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"short":              "… (5 characters)",
		"12345678":           "… (8 characters)",
		sample.ChannelSecret: "5b9e… (32 characters)",
		"秘密の値です、長いもの":        "秘密の値… (11 characters)",
	} {
		if got := RedactValue(in); got != want {
			t.Errorf("RedactValue(%q) = %q, want %q", in, got, want)
		}
	}
}

var lineRe = regexp.MustCompile(`^[^:]+:(\d+): `)

// FuzzParse: no input panics the loader; every failure is a *LoadError naming the file;
// whatever loads survives Marshal and Parse unchanged.
func FuzzParse(f *testing.F) {
	c, _ := FromValues(full())
	b, _ := c.Marshal()
	f.Add(b)
	for _, s := range []string{"", "version: 1\n", "version: 1\nfoo: 1\n", "version: 1\nline: {flow: [\n", "version: 2", "version: 1\nline:\n  account_name: \"\\x1b[31m\"\n", "- a\n- b\n", "version: 1\nnaver:\n  items: {name: yes}\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		cfg, err := Parse("fuzz.yaml", in)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.Path != "fuzz.yaml" || le.Msg == "" {
				t.Fatalf("error is not a LoadError naming the file: %T %v", err, err)
			}
			if m := lineRe.FindStringSubmatch(err.Error()); m != nil && le.Line <= 0 {
				t.Fatalf("bad line in %v", err)
			}
			return
		}
		out, err := cfg.Marshal()
		if err != nil {
			return // a value the encoder cannot write back is not this test's concern
		}
		back, err := Parse("again.yaml", out)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v\n%s", err, out)
		}
		if !maps.Equal(cfg.Values(), back.Values()) {
			t.Fatalf("round trip changed values:\n%v\n%v", cfg.Values(), back.Values())
		}
	})
}

// FuzzUnknownKey: a key the schema lacks, anywhere, is an error that names it and its line.
func FuzzUnknownKey(f *testing.F) {
	f.Add("chanel_id", uint8(0))
	f.Add("x", uint8(2))
	f.Fuzz(func(t *testing.T, key string, where uint8) {
		key = strings.ToLower(regexp.MustCompile(`[^A-Za-z_]`).ReplaceAllString(key, ""))
		if key == "" || len(key) > 40 {
			return
		}
		parents := []struct {
			doc   string
			known []string
		}{
			{"version: 1\n%s: x\n", []string{"version", "line", "naver", "verification"}},
			{"version: 1\nline:\n  flow: new\n  %s: x\n", []string{"flow", "account_name", "provider_name", "policy", "messaging_api", "login"}},
			{"version: 1\nline:\n  messaging_api:\n    %s: x\n", []string{"channel_id", "channel_access_token", "channel_secret", "add_friend_url", "webhook_url"}},
			{"version: 1\nnaver:\n  items:\n    %s: true\n", []string{"name", "email"}},
		}
		p := parents[int(where)%len(parents)]
		for _, k := range p.known {
			if k == key {
				return
			}
		}
		doc := strings.Replace(p.doc, "%s", key, 1)
		wantLine := strings.Count(doc, "\n")
		_, err := Parse("f.yaml", []byte(doc))
		var le *LoadError
		if !errors.As(err, &le) {
			t.Fatalf("%q: want a LoadError, got %v", doc, err)
		}
		if le.Line != wantLine || !strings.Contains(le.Msg, `"`+key+`"`) {
			t.Fatalf("%q: got %v, want line %d naming %q", doc, err, wantLine, key)
		}
	})
}

// FuzzValuesRoundTrip: any value set through the flat keys comes back the same from the
// written file.
func FuzzValuesRoundTrip(f *testing.F) {
	f.Add("Salon Example", "https://cms.example.com/x", "abc")
	f.Add("サロン", "", "#not a comment")
	f.Add("key: value", "- item", "'quoted' \"both\"")
	f.Fuzz(func(t *testing.T, name, url, secret string) {
		m := map[string]string{}
		for k, v := range map[string]string{"line.account_name": name, "line.messaging_api.webhook_url": url, "line.login.channel_secret": secret} {
			if v = strings.TrimSpace(v); v != "" {
				m[k] = v
			}
		}
		for _, v := range m {
			// Invalid UTF-8 cannot be carried by a YAML document; validators refuse it.
			if !utf8.ValidString(v) {
				return
			}
		}
		c, _ := FromValues(m)
		b, err := c.Marshal()
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		back, err := Parse("f.yaml", b)
		if err != nil {
			t.Fatalf("parse: %v\n%s", err, b)
		}
		if got := back.Values(); !maps.Equal(got, m) {
			t.Fatalf("round trip:\n got %q\nwant %q\n%s", got, m, b)
		}
	})
}

// A check's detail that quotes a secret (an API echoing the token, saved by an older
// version) is masked by export --redact, by export --redact=false and on every save; the
// secrets' own fields are kept for the unredacted forms.
func TestSecretsEchoedIntoVerificationAreMasked(t *testing.T) {
	c, _ := FromValues(full())
	tok := sample.ChannelAccessToken
	spliced := tok[:10] + "\u200b" + tok[10:30] + "\u202e" + tok[30:]
	c.Verification = &Verification{Results: []Result{
		{ID: "line.token", Status: "fail", Message: "token " + tok + " refused", Detail: `{"message":"` + spliced + `"}`},
		{ID: "line.secret", Status: "fail", Detail: "secret " + sample.ChannelSecret},
	}}
	check := func(name string, b []byte, keepOwn bool) {
		t.Helper()
		ver := string(b[strings.Index(string(b), "verification:"):])
		for _, s := range append(c.Secrets(), tok[:12], tok[20:40]) {
			if strings.Contains(ver, s) {
				t.Errorf("%s: verification block holds %q:\n%s", name, s, ver)
			}
		}
		if keepOwn != strings.Contains(string(b), "channel_secret: "+sample.ChannelSecret) {
			t.Errorf("%s: own field kept = %t, want %t", name, !keepOwn, keepOwn)
		}
		if !strings.Contains(ver, "[redacted]") {
			t.Errorf("%s: nothing masked:\n%s", name, ver)
		}
	}
	b, _ := c.Redacted().Marshal()
	check("Redacted", b, false)
	b, _ = c.Scrubbed(nil).Marshal()
	check("Scrubbed", b, true)
	path := filepath.Join(t.TempDir(), "c.yaml")
	if err := Save(path, c); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(path)
	check("Save", b, true)
	if c.Verification.Results[1].Detail != "secret "+sample.ChannelSecret {
		t.Error("scrubbing changed the original")
	}
}

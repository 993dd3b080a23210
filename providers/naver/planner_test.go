package naver

import (
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/steps"
)

func TestASCIIHost(t *testing.T) {
	for in, want := range map[string]string{
		"한국.kr":           "xn--3e0b707e.kr",
		"bücher.de":       "xn--bcher-kva.de",
		"MÜNCHEN.de":      "xn--mnchen-3ya.de",
		"例え.jp":           "xn--r8jz45g.jp",
		"sample.com":      "sample.com",
		"shop。sample。com": "shop.sample.com",
		"ｓａｍｐｌｅ．ｃｏｍ":      "sample.com",
		"ｗｗｗ.sample.com":  "www.sample.com",
		"SAMPLE.COM.":     "sample.com",
	} {
		got, ok := asciiHost(in)
		if !ok || got != want {
			t.Errorf("asciiHost(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "a..b", "-a.com", "a_b.com", "exa mple.com"} {
		if got, ok := asciiHost(bad); ok {
			t.Errorf("asciiHost(%q) = %q, want refused", bad, got)
		}
	}
}

func TestPlan(t *testing.T) {
	type env struct {
		svc string
		cbs []string
	}
	tests := []struct {
		name       string
		in         PlanInput
		pc, mobile *env
		problems   []string // substrings of the English messages, in order
	}{
		{
			name:   "bare domain, both environments",
			in:     PlanInput{Domain: "sample.com", PC: true, Mobile: true},
			pc:     &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
			mobile: &env{"https://m.sample.com", []string{"https://m.sample.com"}},
		},
		{
			name:   "scheme, www, upper case, path and trailing slash are read alike",
			in:     PlanInput{Domain: " https://www.Sample.COM/shop/index.html?x=1 ", PC: true, Mobile: true},
			pc:     &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
			mobile: &env{"https://m.sample.com", []string{"https://m.sample.com"}},
		},
		{
			name: "http is kept",
			in:   PlanInput{Domain: "http://sample.com/", PC: true},
			pc:   &env{"http://sample.com", []string{"http://sample.com", "http://www.sample.com"}},
		},
		{
			name:   "default port dropped, other kept",
			in:     PlanInput{Domain: "https://sample.com:443", MobileDomain: "localhost:8080", PC: true, Mobile: true},
			pc:     &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
			mobile: &env{"https://localhost:8080", []string{"https://localhost:8080"}},
		},
		{
			name: "PC only",
			in:   PlanInput{Domain: "sample.co.kr", PC: true},
			pc:   &env{"https://sample.co.kr", []string{"https://sample.co.kr", "https://www.sample.co.kr"}},
		},
		{
			name:   "mobile only",
			in:     PlanInput{Domain: "sample.com", Mobile: true},
			mobile: &env{"https://m.sample.com", []string{"https://m.sample.com"}},
		},
		{
			name:   "subdomain shop: no www proposed",
			in:     PlanInput{Domain: "sampleshop.cafe24.com", PC: true, Mobile: true},
			pc:     &env{"https://sampleshop.cafe24.com", []string{"https://sampleshop.cafe24.com"}},
			mobile: &env{"https://m.sampleshop.cafe24.com", []string{"https://m.sampleshop.cafe24.com"}},
		},
		{
			name:   "own mobile domain",
			in:     PlanInput{Domain: "sample.com", MobileDomain: "https://mobile.sample.com/", PC: true, Mobile: true},
			pc:     &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
			mobile: &env{"https://mobile.sample.com", []string{"https://mobile.sample.com"}},
		},
		{
			name:     "secondary domains go to their environment",
			in:       PlanInput{Domain: "sample.com", Secondary: []string{"en.sample.com", "m.en.sample.com", "https://sample.com/"}, PC: true, Mobile: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://en.sample.com"}},
			mobile:   &env{"https://m.sample.com", []string{"https://m.sample.com", "https://m.en.sample.com"}},
			problems: []string{"m.en.sample.com is not on the service URL's domain m.sample.com"},
		},
		{
			name:     "secondary domain elsewhere is named",
			in:       PlanInput{Domain: "sample.com", Secondary: []string{"sample.jp"}, PC: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://sample.jp", "https://www.sample.jp"}},
			problems: []string{"the callback URLs https://sample.jp, https://www.sample.jp are not on the service URL's domain sample.com"},
		},
		{
			name:     "more than five callbacks",
			in:       PlanInput{Domain: "sample.com", Secondary: []string{"a.sample.com", "b.sample.com", "c.sample.com", "d.sample.com"}, PC: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://a.sample.com", "https://b.sample.com", "https://c.sample.com", "https://d.sample.com"}},
			problems: []string{"https://d.sample.com is callback URL number 6"},
		},
		{
			name:   "internationalised domain",
			in:     PlanInput{Domain: "한국.kr", PC: true, Mobile: true},
			pc:     &env{"https://한국.kr", []string{"https://한국.kr", "https://www.한국.kr"}},
			mobile: &env{"https://m.한국.kr", []string{"https://m.한국.kr"}},
		},
		{
			name: "typed as xn--, kept so",
			in:   PlanInput{Domain: "xn--3e0b707e.kr", PC: true},
			pc:   &env{"https://xn--3e0b707e.kr", []string{"https://xn--3e0b707e.kr", "https://www.xn--3e0b707e.kr"}},
		},
		{
			name:     "full-width typing becomes the plain domain",
			in:       PlanInput{Domain: "ｓａｍｐｌｅ．ｃｏｍ", Secondary: []string{"ｗｗｗ．ｓａｍｐｌｅ．ｃｏ．ｊｐ"}, PC: true, Mobile: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://sample.co.jp", "https://www.sample.co.jp"}},
			mobile:   &env{"https://m.sample.com", []string{"https://m.sample.com"}},
			problems: []string{"https://sample.co.jp, https://www.sample.co.jp are not on the service URL's domain sample.com"},
		},
		{
			name: "full-width www",
			in:   PlanInput{Domain: "ｗｗｗ.sample.com", PC: true},
			pc:   &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
		},
		{
			name:     "secondary domains allowed (cross-border shop), with a warning",
			in:       PlanInput{Domain: "sample.com", Secondary: []string{"sample.co.kr"}, PC: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://sample.co.kr", "https://www.sample.co.kr"}},
			problems: []string{"https://sample.co.kr, https://www.sample.co.kr are not on the service URL's domain sample.com. NAVER accepts that: a callback URL only says where NAVER sends the visitor back. The service URL says where a login may start"},
		},
		{name: "no domain", in: PlanInput{PC: true}, problems: []string{"domain is missing"}},
		{name: "no environment", in: PlanInput{Domain: "sample.com"}, problems: []string{"no environment is chosen"}},
		{name: "not a domain", in: PlanInput{Domain: "sample shop", PC: true}, problems: []string{`"sample shop" is not`}},
		{name: "ftp", in: PlanInput{Domain: "ftp://sample.com", PC: true}, problems: []string{"must start with https://"}},
		{
			name:     "bad secondary named, rest planned",
			in:       PlanInput{Domain: "sample.com", Secondary: []string{"bad_domain.com"}, PC: true},
			pc:       &env{"https://sample.com", []string{"https://sample.com", "https://www.sample.com"}},
			problems: []string{`"bad_domain.com" is not a valid domain`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, ps := Plan(tt.in)
			check := func(what string, got *Environment, want *env) {
				t.Helper()
				switch {
				case want == nil && got != nil:
					t.Errorf("%s: got %+v, want none", what, *got)
				case want != nil && got == nil:
					t.Errorf("%s: missing", what)
				case want != nil:
					if got.ServiceURL != want.svc || !slices.Equal(got.CallbackURLs, want.cbs) {
						t.Errorf("%s: got %s %q, want %s %q", what, got.ServiceURL, got.CallbackURLs, want.svc, want.cbs)
					}
				}
			}
			check("PC", plan.PC, tt.pc)
			check("Mobile", plan.Mobile, tt.mobile)
			if len(ps) != len(tt.problems) {
				t.Fatalf("problems: got %d %v, want %d %q", len(ps), messages(ps), len(tt.problems), tt.problems)
			}
			for i, p := range ps {
				if !strings.Contains(p.Message(steps.EN), tt.problems[i]) {
					t.Errorf("problem %d: %q does not contain %q", i, p.Message(steps.EN), tt.problems[i])
				}
				if p.Field == "" || p.Message(steps.JA) == p.Message(steps.EN) {
					t.Errorf("problem %d: no field or no Japanese: %+v", i, p)
				}
			}
		})
	}
}

func messages(ps []steps.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message(steps.EN))
	}
	return out
}

func TestCheckURLs(t *testing.T) {
	type want struct {
		sev  steps.Severity
		text string
	}
	tests := []struct {
		name string
		svc  string
		cbs  []string
		want []want
	}{
		{"planned sample", "https://sample.com", []string{"https://sample.com", "https://www.sample.com"}, nil},
		{"paths and http allowed", "http://sample.com/shop", []string{"http://sample.com/Api/Member/Oauth2ClientCallback/naver/", "http://www.sample.com/callback"}, nil},
		{"subdomain covered by bare domain", "https://sample.com", []string{"https://shop.sample.com", "https://m.sample.com/cb"}, nil},
		{"www service covers only itself", "https://www.sample.com", []string{"https://www.sample.com", "https://shop.sample.com"},
			[]want{{steps.Warning, "https://shop.sample.com is not on the service URL's domain www.sample.com. NAVER accepts that"}}},
		{"other domain", "https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://evilsample.com"},
			[]want{{steps.Warning, "https://evilsample.com is not on"}}},
		{"full-width service URL refused with the plain form", "https://ｓａｍｐｌｅ．ｃｏｍ", []string{"https://sample.com", "https://www.sample.com"},
			[]want{{steps.Error, "full-width characters. Enter it in half-width characters: https://sample.com"}}},
		{"full-width callback refused with the plain form", "https://sample.com", []string{"https://ｗｗｗ.sample.com/cb", "https://sample.com/cb"},
			[]want{{steps.Error, "https://www.sample.com/cb"}}},
		{"unicode shown as typed, not xn--", "https://한국.kr", []string{"https://한국.kr", "https://www.한국.kr", "https://other.kr"},
			[]want{{steps.Warning, "not on the service URL's domain 한국.kr"}}},
		{"six callbacks", "https://sample.com", []string{"https://sample.com", "https://www.sample.com", "https://a.sample.com", "https://b.sample.com", "https://c.sample.com", "https://e.sample.com"},
			[]want{{steps.Error, "https://e.sample.com is callback URL number 6"}}},
		{"duplicates after normalising", "https://sample.com", []string{"https://sample.com", "https://SAMPLE.com/", "https://www.sample.com"},
			[]want{{steps.Error, "https://SAMPLE.com/ is listed twice"}}},
		{"unicode and punycode are the same host", "https://한국.kr", []string{"https://한국.kr", "https://xn--3e0b707e.kr", "https://www.한국.kr"},
			[]want{{steps.Error, "https://xn--3e0b707e.kr is listed twice"}}},
		{"only bare listed", "https://sample.com", []string{"https://sample.com"},
			[]want{{steps.Warning, "https://sample.com is listed but nothing on www.sample.com"}}},
		{"only www listed", "https://sample.co.jp", []string{"https://www.sample.co.jp/cb"},
			[]want{{steps.Warning, "https://www.sample.co.jp/cb is listed but nothing on sample.co.jp"}}},
		{"not a URL", "https://sample.com", []string{"sample.com", "https://sample.com", "https://www.sample.com"},
			[]want{{steps.Error, "sample.com is not an http:// or https:// address"}}},
		{"a fragment", "https://sample.com", []string{"https://sample.com/cb#top", "https://www.sample.com/cb"},
			[]want{{steps.Error, "https://sample.com/cb#top has a # part"}}},
		{"missing service URL", "", []string{"https://sample.com", "https://www.sample.com"},
			[]want{{steps.Error, "service URL is missing"}}},
		{"bad service URL", "sample .com", []string{"https://sample.com", "https://www.sample.com"},
			[]want{{steps.Error, "service URL sample .com is not"}}},
		{"escape sequences are cleaned", "https://sample.com", []string{"https://sample.com\x1b[31m", "https://www.sample.com"},
			[]want{{steps.Error, "the callback URL https://sample.com is not an http"}, {steps.Warning, "https://www.sample.com is listed but nothing on sample.com"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := CheckURLs(tt.svc, tt.cbs)
			if len(ps) != len(tt.want) {
				t.Fatalf("got %d problems %q, want %d", len(ps), messages(ps), len(tt.want))
			}
			for i, p := range ps {
				msg := p.Message(steps.EN)
				if p.Severity != tt.want[i].sev || !strings.Contains(msg, tt.want[i].text) {
					t.Errorf("problem %d: %v %q, want %v containing %q", i, p.Severity, msg, tt.want[i].sev, tt.want[i].text)
				}
				if strings.ContainsRune(msg, '\x1b') || strings.ContainsRune(p.Message(steps.JA), '\x1b') {
					t.Errorf("problem %d carries an escape sequence", i)
				}
			}
		})
	}
}

// FuzzPlan: whatever is typed, Plan does not panic, and when it reports no error its
// URLs parse, pass CheckURLs without errors and hold no duplicates.
func FuzzPlan(f *testing.F) {
	f.Add("sample.com", "", "", true, true)
	f.Add("https://www.Sample.com/shop/", "m.sample.com", "en.sample.com\nm.en.sample.com", true, true)
	f.Add("한국.kr", "", "sample.jp", true, false)
	f.Add("http://localhost:8080", "", "", false, true)
	f.Add("ftp://x", "a..b", ",,", true, true)
	f.Fuzz(func(t *testing.T, domain, mobile, secondary string, pc, mob bool) {
		in := PlanInput{Domain: domain, MobileDomain: mobile, Secondary: steps.SplitList(secondary), PC: pc, Mobile: mob}
		plan, ps := Plan(in)
		plan2, ps2 := Plan(in)
		if len(ps) != len(ps2) || (plan.PC == nil) != (plan2.PC == nil) || (plan.Mobile == nil) != (plan2.Mobile == nil) {
			t.Fatal("Plan is not deterministic")
		}
		for _, p := range ps {
			if p.Field == "" || p.Rule.EN == "" || p.Rule.JA == "" {
				t.Fatalf("problem without field or text: %+v", p)
			}
		}
		if len(errorsOf(ps)) > 0 {
			return
		}
		if (plan.PC != nil) != pc || (plan.Mobile != nil) != mob {
			t.Fatalf("environments %v/%v for choice %v/%v", plan.PC != nil, plan.Mobile != nil, pc, mob)
		}
		for _, e := range []*Environment{plan.PC, plan.Mobile} {
			if e == nil {
				continue
			}
			if _, ok := parseURL(e.ServiceURL); !ok {
				t.Fatalf("service URL %q does not parse", e.ServiceURL)
			}
			if len(e.CallbackURLs) == 0 || len(e.CallbackURLs) > MaxCallbacks {
				t.Fatalf("%d callbacks", len(e.CallbackURLs))
			}
			if errs := errorsOf(CheckURLs(e.ServiceURL, e.CallbackURLs)); len(errs) > 0 {
				t.Fatalf("planned URLs break a rule: %v", messages(errs))
			}
		}
	})
}

func errorsOf(ps []steps.Problem) []steps.Problem {
	var out []steps.Problem
	for _, p := range ps {
		if p.Severity == steps.Error {
			out = append(out, p)
		}
	}
	return out
}

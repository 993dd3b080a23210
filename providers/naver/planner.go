package naver

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// NAVER takes at most this many callback URLs per environment.
const MaxCallbacks = 5

// PlanInput is what the operator tells the planner: the shop's domain, an optional mobile
// domain (m.<domain> when empty), secondary domains (a custom domain, cross-border shop
// domains) and which environments the application uses.
type PlanInput struct {
	Domain       string
	MobileDomain string
	Secondary    []string
	PC, Mobile   bool
}

// Environment is one NAVER environment as registered in the console.
type Environment struct {
	ServiceURL   string
	CallbackURLs []string
}

// URLPlan holds the URLs to register; an environment not chosen is nil. (The planner
// function is Plan, so the type cannot share the name.)
type URLPlan struct {
	PC     *Environment
	Mobile *Environment
}

// Answer keys of the planner's inputs and outputs.
const (
	KeyDomain           = "flow.naver.domain"
	KeyMobileDomain     = "flow.naver.mobile_domain"
	KeySecondaryDomains = "flow.naver.secondary_domains"
	KeyEnvPC            = "flow.naver.env_pc"
	KeyEnvMobile        = "flow.naver.env_mobile"
	KeyPCService        = "naver.pc_web.service_url"
	KeyPCCallbacks      = "naver.pc_web.callback_urls"
	KeyMobileService    = "naver.mobile_web.service_url"
	KeyMobileCallbacks  = "naver.mobile_web.callback_urls"
)

// hostSpec is a domain as typed, reduced to what a URL needs.
type hostSpec struct {
	scheme string // "https" unless "http://" was typed
	host   string // as displayHost shows it (Unicode unless typed as xn--), without port
	port   string
	www    bool // typed with "www."
}

func (h hostSpec) url(host string) string {
	u := h.scheme + "://" + host
	if h.port != "" {
		u += ":" + h.port
	}
	return u
}

// parseDomain reads "sample.com", "https://www.Sample.com/shop/" or "한국.kr" alike:
// the scheme (http or https) is kept, the path, query and a trailing dot are dropped.
func parseDomain(s string) (hostSpec, *steps.Problem) {
	s = strings.TrimSpace(s)
	raw := s
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Hostname() == "" || u.User != nil || u.Opaque != "" {
		return hostSpec{}, &steps.Problem{
			Rule: steps.T(fmt.Sprintf("%q is not a domain.", raw), fmt.Sprintf("「%s」はドメインとして読めません。", raw)),
			Fix:  steps.T("Enter the address of the shop, such as sample.com.", "ショップのアドレスをsample.comのように入力してください。"),
		}
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return hostSpec{}, &steps.Problem{
			Rule: steps.T(fmt.Sprintf("%q must start with https:// or http://.", raw), fmt.Sprintf("「%s」はhttps://かhttp://で始まる必要があります。", raw)),
			Fix:  steps.T("Enter the domain alone, such as sample.com.", "sample.comのようにドメインだけを入力してください。"),
		}
	}
	ascii, ok := asciiHost(u.Hostname())
	if !ok || strings.Contains(u.Hostname(), ":") {
		return hostSpec{}, &steps.Problem{
			Rule: steps.T(fmt.Sprintf("%q is not a valid domain name.", raw), fmt.Sprintf("「%s」はドメイン名として正しくありません。", raw)),
			Fix:  steps.T("Use letters, digits, hyphens and dots only, such as sample.com.", "英数字・ハイフン・ドットだけでsample.comのように入力してください。"),
		}
	}
	host := displayHost(u.Hostname(), ascii)
	h := hostSpec{scheme: scheme, host: host, port: u.Port()}
	if (h.scheme == "https" && h.port == "443") || (h.scheme == "http" && h.port == "80") {
		h.port = ""
	}
	if rest, ok := strings.CutPrefix(host, "www."); ok && rest != "" {
		h.host, h.www = rest, true
	}
	return h, nil
}

// secondLevels are the second-level labels under which a registrable domain has three
// labels (sample.co.kr, sample.co.jp, sample.com.tw).
var secondLevels = map[string]bool{
	"co": true, "or": true, "ne": true, "go": true, "ac": true, "re": true, "pe": true,
	"ad": true, "ed": true, "gr": true, "lg": true, "com": true, "net": true, "org": true,
	"edu": true, "gov": true,
}

// isApex guesses whether host is a registrable domain (sample.com, sample.co.kr), the kind
// of name that is usually also reached as www.<host>. No public suffix list is at hand;
// the guess only decides whether a www callback is proposed or its absence warned about.
func isApex(host string) bool {
	labels := strings.Split(host, ".")
	last := labels[len(labels)-1]
	if last == "" || last[0] >= '0' && last[0] <= '9' {
		return false // an IP address
	}
	switch len(labels) {
	case 2:
		return true
	case 3:
		return len(last) == 2 && secondLevels[labels[1]]
	}
	return false
}

// envURLs is the service URL and the callbacks for a host: the host, and www.<host> when
// the domain is usually reached that way too.
func envURLs(h hostSpec, host string) (string, []string) {
	svc := h.url(host)
	cbs := []string{svc}
	if h.www || isApex(host) {
		cbs = append(cbs, h.url("www."+host))
	}
	return svc, cbs
}

// Plan derives each chosen environment's service URL and callback URLs from the shop's
// domains and reports every problem, each naming the value or URL. Input problems carry
// the answer key of the input; rule problems the key of the environment's callback URLs.
func Plan(in PlanInput) (URLPlan, []steps.Problem) {
	var plan URLPlan
	var ps []steps.Problem
	add := func(field string, p *steps.Problem) {
		if p != nil {
			q := *p
			q.Field = field
			ps = append(ps, q)
		}
	}
	if !in.PC && !in.Mobile {
		add(KeyEnvPC, &steps.Problem{
			Rule: steps.T("no environment is chosen.", "環境が選ばれていません。"),
			Fix:  steps.T("Choose PC web, Mobile web or both.", "PCウェブ・モバイルウェブのどちらか、または両方を選んでください。"),
		})
		return plan, ps
	}
	if strings.TrimSpace(in.Domain) == "" {
		add(KeyDomain, &steps.Problem{
			Rule: steps.T("the shop's domain is missing.", "ショップのドメインが入力されていません。"),
			Fix:  steps.T("Enter the address of the shop, such as sample.com.", "ショップのアドレスをsample.comのように入力してください。"),
		})
		return plan, ps
	}
	main, p := parseDomain(in.Domain)
	if p != nil {
		add(KeyDomain, p)
		return plan, ps
	}
	if in.PC {
		svc, cbs := envURLs(main, main.host)
		plan.PC = &Environment{ServiceURL: svc, CallbackURLs: cbs}
	}
	if in.Mobile {
		mob := main
		mob.host, mob.www = "m."+main.host, false
		if strings.TrimSpace(in.MobileDomain) != "" {
			if m, p := parseDomain(in.MobileDomain); p != nil {
				add(KeyMobileDomain, p)
			} else {
				mob = m
			}
		}
		svc, cbs := envURLs(mob, mob.host)
		plan.Mobile = &Environment{ServiceURL: svc, CallbackURLs: cbs}
	}
	for _, s := range in.Secondary {
		if strings.TrimSpace(s) == "" {
			continue
		}
		sec, p := parseDomain(s)
		if p != nil {
			add(KeySecondaryDomains, p)
			continue
		}
		// A mobile-style domain (m.…) goes to Mobile web when it is chosen; the others
		// to PC web when that is chosen.
		env := plan.PC
		if plan.PC == nil || (plan.Mobile != nil && strings.HasPrefix(sec.host, "m.")) {
			env = plan.Mobile
		}
		_, cbs := envURLs(sec, sec.host)
		for _, cb := range cbs {
			if !containsURL(env.CallbackURLs, cb) {
				env.CallbackURLs = append(env.CallbackURLs, cb)
			}
		}
	}
	if plan.PC != nil {
		for _, p := range CheckURLs(plan.PC.ServiceURL, plan.PC.CallbackURLs) {
			add(KeyPCCallbacks, &p)
		}
	}
	if plan.Mobile != nil {
		for _, p := range CheckURLs(plan.Mobile.ServiceURL, plan.Mobile.CallbackURLs) {
			add(KeyMobileCallbacks, &p)
		}
	}
	return plan, ps
}

func containsURL(list []string, u string) bool {
	k := urlKey(u)
	for _, v := range list {
		if urlKey(v) == k {
			return true
		}
	}
	return false
}

// parsedURL is a service or callback URL reduced for comparison.
type parsedURL struct {
	raw   string
	host  string // ASCII, lower case
	shown string // the host as displayHost shows it
	key   string // scheme://host[:port]/path?query without a trailing slash
}

func urlKey(s string) string {
	if p, ok := parseURL(s); ok {
		return p.key
	}
	return strings.TrimSpace(s)
}

// parseURL reads an http or https URL with a host. Unicode hosts are compared in their
// ASCII form; the default port and a trailing slash make no difference.
func parseURL(s string) (parsedURL, bool) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.User != nil || u.Opaque != "" || strings.ContainsAny(s, " \t") {
		return parsedURL{}, false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return parsedURL{}, false
	}
	host, ok := asciiHost(u.Hostname())
	if !ok || strings.Contains(u.Hostname(), ":") {
		return parsedURL{}, false
	}
	port := u.Port()
	if (scheme == "https" && port == "443") || (scheme == "http" && port == "80") {
		port = ""
	}
	key := scheme + "://" + host
	if port != "" {
		key += ":" + port
	}
	key += strings.TrimSuffix(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		key += "?" + u.RawQuery
	}
	return parsedURL{raw: s, host: host, shown: displayHost(u.Hostname(), host), key: key}, true
}

// covers reports whether a service domain covers a callback host: a domain without www
// covers itself and its subdomains, one with www only itself.
func covers(service, host string) bool {
	if strings.HasPrefix(service, "www.") {
		return host == service
	}
	return host == service || strings.HasSuffix(host, "."+service)
}

// CheckURLs applies NAVER's rules to one environment: the service URL is an http(s) URL;
// at most 5 callback URLs; each one an http(s) URL whose host the service domain covers;
// no duplicates. Listing only one of www.<domain> and <domain> is a warning. Every
// problem names the URL it is about.
func CheckURLs(serviceURL string, callbacks []string) []steps.Problem {
	var ps []steps.Problem
	for _, rule := range urlRules {
		ps = append(ps, rule(serviceURL, callbacks)...)
	}
	return ps
}

// urlRules are CheckURLs' rules one by one, so that a field can show the first problem
// of each.
var urlRules = []func(string, []string) []steps.Problem{
	ruleServiceURL, ruleWellFormed, ruleCount, ruleCovered, ruleDuplicates, ruleWWWPair,
}

func cleanURL(s string) string { return steps.Clean(strings.TrimSpace(s)) }

func ruleServiceURL(service string, _ []string) []steps.Problem {
	if strings.TrimSpace(service) == "" {
		return []steps.Problem{{
			Rule: steps.T("the service URL is missing.", "サービスURLが入力されていません。"),
			Fix:  steps.T("Enter the shop's address, such as https://sample.com.", "ショップのアドレスをhttps://sample.comのように入力してください。"),
		}}
	}
	if p := fullWidthProblem("the service URL", "サービスURL", service); p != nil {
		return []steps.Problem{*p}
	}
	if _, ok := parseURL(service); !ok {
		u := cleanURL(service)
		return []steps.Problem{{
			Rule: steps.T("the service URL "+u+" is not an http:// or https:// address.", "サービスURL "+u+"はhttp://かhttps://で始まるアドレスではありません。"),
			Fix:  steps.T("Enter it as https://sample.com.", "https://sample.comの形で入力してください。"),
		}}
	}
	return nil
}

func ruleWellFormed(_ string, cbs []string) []steps.Problem {
	var ps []steps.Problem
	for _, cb := range cbs {
		if p := fullWidthProblem("the callback URL", "コールバックURL", cb); p != nil {
			ps = append(ps, *p)
			continue
		}
		if _, ok := parseURL(cb); !ok {
			u := cleanURL(cb)
			ps = append(ps, steps.Problem{
				Rule: steps.T("the callback URL "+u+" is not an http:// or https:// address.", "コールバックURL "+u+"はhttp://かhttps://で始まるアドレスではありません。"),
				Fix:  steps.T("Enter each callback URL as https://sample.com, one per line.", "コールバックURLはhttps://sample.comの形で1行に1つずつ入力してください。"),
			})
			continue
		}
		// A redirect URI never holds a fragment (RFC 6749, 3.1.2), as the LINE callback
		// field already says: NAVER would not send customers back to it.
		if strings.Contains(cb, "#") {
			u := cleanURL(cb)
			ps = append(ps, steps.Problem{
				Rule: steps.T("the callback URL "+u+" has a # part; a callback URL cannot have one.", "コールバックURL "+u+"に「#」以降の部分があります。コールバックURLには付けられません。"),
				Fix:  steps.T("Delete # and what follows it, or copy the callback URL again from the shop admin.", "「#」以降を消すか、ショップの管理画面からコールバックURLをもう一度コピーしてください。"),
			})
		}
	}
	return ps
}

// fullWidthProblem refuses a URL typed with full-width characters in its host, and gives
// it back in the plain form the console needs.
func fullWidthProblem(what, whatJA, raw string) *steps.Problem {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !widthMapped(u.Host) {
		return nil
	}
	plain := plainURL(raw)
	if plain == "" {
		return nil // not readable at all: the other rules say so
	}
	r, p := cleanURL(raw), cleanURL(plain)
	return &steps.Problem{
		Rule: steps.T(what+" "+r+" is typed with full-width characters.", whatJA+" "+r+"が全角文字で入力されています。"),
		Fix:  steps.T("Enter it in half-width characters: "+p, "半角で入力してください："+p),
	}
}

func ruleCount(_ string, cbs []string) []steps.Problem {
	var ps []steps.Problem
	for i := MaxCallbacks; i < len(cbs); i++ {
		u := cleanURL(cbs[i])
		ps = append(ps, steps.Problem{
			Rule: steps.T(fmt.Sprintf("%s is callback URL number %d; NAVER takes at most %d per environment.", u, i+1, MaxCallbacks),
				fmt.Sprintf("%sは%d番目のコールバックURLです。NAVERに登録できるのは1つの環境につき%d件までです。", u, i+1, MaxCallbacks)),
			Fix: steps.T("Remove the URLs the shop does not use; mobile domains (m.…) belong under Mobile web, which takes 5 of its own.",
				"使っていないURLを削除してください。モバイル用のドメイン（m.…）はモバイルウェブの環境に入れれば、そちらでも5件まで登録できます。"),
		})
	}
	return ps
}

// ruleCovered warns about a callback URL outside the service URL's domain. NAVER does not
// forbid it (FACTS.md; the Cafe24 guide asks for every secondary domain): the service URL
// governs where a login may START, so a login started from a page of another domain can
// fail (outside Internet Explorer). A warning that says so, never an error.
func ruleCovered(service string, cbs []string) []steps.Problem {
	svc, ok := parseURL(service)
	if !ok {
		return nil
	}
	var outside []string
	wwwFix := true
	for _, cb := range cbs {
		c, ok := parseURL(cb)
		if !ok || covers(svc.host, c.host) {
			continue
		}
		outside = append(outside, cleanURL(cb))
		wwwFix = wwwFix && strings.HasPrefix(svc.host, "www.") && covers(strings.TrimPrefix(svc.host, "www."), c.host)
	}
	if len(outside) == 0 {
		return nil
	}
	// One warning for all of them: the explanation is the same.
	s := cleanURL(svc.shown)
	list := strings.Join(outside, ", ")
	what, whatJA := "the callback URL "+list+" is", "コールバックURL "+list+"は"
	if len(outside) > 1 {
		what = "the callback URLs " + list + " are"
	}
	fix := steps.T("Keep it if the shop is also reached at that domain, and place the NAVER login button on pages under "+s+".",
		"ショップがそのドメインでも開かれるなら、このままで構いません。NAVERログインのボタンは"+s+"のページに置いてください。")
	if len(outside) > 1 {
		fix = steps.T("Keep them if the shop is also reached at those domains, and place the NAVER login button on pages under "+s+".",
			"ショップがそれらのドメインでも開かれるなら、このままで構いません。NAVERログインのボタンは"+s+"のページに置いてください。")
	}
	if wwwFix {
		bare := displayHost("", strings.TrimPrefix(svc.host, "www."))
		fix = steps.T("Or change the service URL to the domain without www ("+bare+"): it covers every subdomain.",
			"または、サービスURLをwwwなしのドメイン（"+bare+"）にしてください。wwwなしならすべてのサブドメインが含まれます。")
	}
	return []steps.Problem{{
		Severity: steps.Warning,
		Rule: steps.T(what+" not on the service URL's domain "+s+". NAVER accepts that: a callback URL only says where NAVER sends the visitor back. The service URL says where a login may start: a login started from a page outside "+s+" can fail (in browsers other than Internet Explorer).",
			whatJA+"サービスURLのドメイン"+s+"上にありません。NAVERではこれで構いません（コールバックURLはNAVERがお客様を戻す先です）。サービスURLはログインを始めてよい場所を決めます。"+s+"以外のページから始めたログインは失敗することがあります（Internet Explorer以外のブラウザ）。"),
		Fix: fix,
	}}
}

func ruleDuplicates(_ string, cbs []string) []steps.Problem {
	var ps []steps.Problem
	seen := map[string]bool{}
	for _, cb := range cbs {
		c, ok := parseURL(cb)
		if !ok {
			continue
		}
		if seen[c.key] {
			u := cleanURL(cb)
			ps = append(ps, steps.Problem{
				Rule: steps.T("the callback URL "+u+" is listed twice.", "コールバックURL "+u+"が2回入っています。"),
				Fix:  steps.T("Keep it once.", "1つだけ残してください。"),
			})
		}
		seen[c.key] = true
	}
	return ps
}

func ruleWWWPair(service string, cbs []string) []steps.Problem {
	svc, svcOK := parseURL(service)
	hosts := map[string]bool{}
	for _, cb := range cbs {
		if c, ok := parseURL(cb); ok {
			hosts[c.host] = true
		}
	}
	var ps []steps.Problem
	warned := map[string]bool{}
	for _, cb := range cbs {
		c, ok := parseURL(cb)
		if !ok || warned[c.host] {
			continue
		}
		var other string
		if bare, ok := strings.CutPrefix(c.host, "www."); ok && isApex(bare) && !hosts[bare] {
			other = bare
		} else if isApex(c.host) && !hosts["www."+c.host] {
			other = "www." + c.host
		}
		// Proposing an address the service domain does not cover would be wrong advice.
		if other == "" || (svcOK && !covers(svc.host, other)) {
			continue
		}
		warned[c.host] = true
		u := cleanURL(cb)
		ps = append(ps, steps.Problem{
			Severity: steps.Warning,
			Rule: steps.T("the callback URL "+u+" is listed but nothing on "+other+"; visitors who reach the shop as "+other+" cannot log in with NAVER.",
				"コールバックURL "+u+"はありますが、"+other+"のものがありません。"+other+"でショップを開いたお客様はNAVERでログインできません。"),
			Fix: steps.T("Add the same URL on "+other+" as well, unless that address does not exist.",
				other+"の同じURLも追加してください（そのアドレスを使っていない場合は不要です）。"),
		})
	}
	return ps
}

package config

import (
	"sort"
	"strings"
)

// A key names one value of the file by its YAML path ("line.messaging_api.channel_secret").
// The wizard's answers use the same keys, so that an answers file, the config file and a
// step's fields all speak of a value the same way. A list is one item per line; a yes/no is
// "true" or "false".
type key struct {
	name   string
	secret bool
	get    func(c *Config) string
	set    func(c *Config, v string)
}

func lineSec(c *Config) *LINE {
	if c.LINE == nil {
		c.LINE = &LINE{}
	}
	return c.LINE
}

func policy(c *Config) *Policy {
	l := lineSec(c)
	if l.Policy == nil {
		l.Policy = &Policy{}
	}
	return l.Policy
}

func msgAPI(c *Config) *MessagingAPI {
	l := lineSec(c)
	if l.MessagingAPI == nil {
		l.MessagingAPI = &MessagingAPI{}
	}
	return l.MessagingAPI
}

func login(c *Config) *Login {
	l := lineSec(c)
	if l.Login == nil {
		l.Login = &Login{}
	}
	return l.Login
}

func naverSec(c *Config) *NAVER {
	if c.NAVER == nil {
		c.NAVER = &NAVER{}
	}
	return c.NAVER
}

func items(c *Config) *Items {
	n := naverSec(c)
	if n.Items == nil {
		n.Items = &Items{}
	}
	return n.Items
}

func pcWeb(c *Config) *Environment {
	n := naverSec(c)
	if n.PCWeb == nil {
		n.PCWeb = &Environment{}
	}
	return n.PCWeb
}

func mobileWeb(c *Config) *Environment {
	n := naverSec(c)
	if n.MobileWeb == nil {
		n.MobileWeb = &Environment{}
	}
	return n.MobileWeb
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func splitLines(v string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == ',' || r == ' ' || r == '\t' || r == '\r' }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// str declares a string key; the getter reads through nil sections.
func str(name string, secret bool, field func(c *Config) *string, present func(c *Config) bool) key {
	return key{
		name:   name,
		secret: secret,
		get: func(c *Config) string {
			if !present(c) {
				return ""
			}
			return *field(c)
		},
		set: func(c *Config, v string) { *field(c) = v },
	}
}

func hasLINE(c *Config) bool        { return c.LINE != nil }
func hasPolicy(c *Config) bool      { return c.LINE != nil && c.LINE.Policy != nil }
func hasMsgAPI(c *Config) bool      { return c.LINE != nil && c.LINE.MessagingAPI != nil }
func hasLogin(c *Config) bool       { return c.LINE != nil && c.LINE.Login != nil }
func hasNAVER(c *Config) bool       { return c.NAVER != nil }
func hasItems(c *Config) bool       { return c.NAVER != nil && c.NAVER.Items != nil }
func hasPC(c *Config) bool          { return c.NAVER != nil && c.NAVER.PCWeb != nil }
func hasMobile(c *Config) bool      { return c.NAVER != nil && c.NAVER.MobileWeb != nil }
func always(c *Config) bool         { return true }
func envURLs(e *Environment) string { return strings.Join(e.CallbackURLs, "\n") }

var keys = []key{
	str("line.flow", false, func(c *Config) *string { return &lineSec(c).Flow }, hasLINE),
	str("line.account_name", false, func(c *Config) *string { return &lineSec(c).AccountName }, hasLINE),
	str("line.provider_name", false, func(c *Config) *string { return &lineSec(c).ProviderName }, hasLINE),
	str("line.policy.privacy_policy_url", false, func(c *Config) *string { return &policy(c).PrivacyPolicyURL }, hasPolicy),
	str("line.policy.terms_url", false, func(c *Config) *string { return &policy(c).TermsURL }, hasPolicy),
	str("line.messaging_api.channel_id", false, func(c *Config) *string { return &msgAPI(c).ChannelID }, hasMsgAPI),
	str("line.messaging_api.channel_access_token", true, func(c *Config) *string { return &msgAPI(c).ChannelAccessToken }, hasMsgAPI),
	str("line.messaging_api.channel_secret", true, func(c *Config) *string { return &msgAPI(c).ChannelSecret }, hasMsgAPI),
	str("line.messaging_api.add_friend_url", false, func(c *Config) *string { return &msgAPI(c).AddFriendURL }, hasMsgAPI),
	str("line.messaging_api.webhook_url", false, func(c *Config) *string { return &msgAPI(c).WebhookURL }, hasMsgAPI),
	str("line.login.channel_id", false, func(c *Config) *string { return &login(c).ChannelID }, hasLogin),
	str("line.login.channel_secret", true, func(c *Config) *string { return &login(c).ChannelSecret }, hasLogin),
	str("line.login.callback_url", false, func(c *Config) *string { return &login(c).CallbackURL }, hasLogin),
	str("naver.application_name", false, func(c *Config) *string { return &naverSec(c).ApplicationName }, hasNAVER),
	str("naver.client_id", false, func(c *Config) *string { return &naverSec(c).ClientID }, hasNAVER),
	str("naver.client_secret", true, func(c *Config) *string { return &naverSec(c).ClientSecret }, hasNAVER),
	{
		name: "naver.items.name",
		get: func(c *Config) string {
			if !hasItems(c) {
				return ""
			}
			return boolStr(c.NAVER.Items.Name)
		},
		set: func(c *Config, v string) { items(c).Name = v == "true" },
	},
	{
		name: "naver.items.email",
		get: func(c *Config) string {
			if !hasItems(c) {
				return ""
			}
			return boolStr(c.NAVER.Items.Email)
		},
		set: func(c *Config, v string) { items(c).Email = v == "true" },
	},
	str("naver.pc_web.service_url", false, func(c *Config) *string { return &pcWeb(c).ServiceURL }, hasPC),
	{
		name: "naver.pc_web.callback_urls",
		get: func(c *Config) string {
			if !hasPC(c) {
				return ""
			}
			return envURLs(c.NAVER.PCWeb)
		},
		set: func(c *Config, v string) { pcWeb(c).CallbackURLs = splitLines(v) },
	},
	str("naver.mobile_web.service_url", false, func(c *Config) *string { return &mobileWeb(c).ServiceURL }, hasMobile),
	{
		name: "naver.mobile_web.callback_urls",
		get: func(c *Config) string {
			if !hasMobile(c) {
				return ""
			}
			return envURLs(c.NAVER.MobileWeb)
		},
		set: func(c *Config, v string) { mobileWeb(c).CallbackURLs = splitLines(v) },
	},
	str("naver.platform", false, func(c *Config) *string { return &naverSec(c).Platform }, hasNAVER),
	str("naver.review_status", false, func(c *Config) *string { return &naverSec(c).ReviewStatus }, hasNAVER),
}

var keyIndex = func() map[string]key {
	m := make(map[string]key, len(keys))
	for _, k := range keys {
		m[k.name] = k
	}
	return m
}()

// Keys lists every value key of the schema, in file order.
func Keys() []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.name
	}
	return out
}

// IsKey reports whether name is a value key of the schema.
func IsKey(name string) bool { _, ok := keyIndex[name]; return ok }

// IsSecret reports whether the value at key must never be shown.
func IsSecret(name string) bool { return keyIndex[name].secret }

// SecretKeys lists the keys that hold secrets.
func SecretKeys() []string {
	var out []string
	for _, k := range keys {
		if k.secret {
			out = append(out, k.name)
		}
	}
	return out
}

// Values flattens the file into key → value, leaving out empty values.
func (c *Config) Values() map[string]string {
	m := map[string]string{}
	for _, k := range keys {
		if v := k.get(c); v != "" {
			m[k.name] = v
		}
	}
	return m
}

// Get returns the value at key ("" when absent or unknown).
func (c *Config) Get(name string) string {
	k, ok := keyIndex[name]
	if !ok {
		return ""
	}
	return k.get(c)
}

// Set writes the value at key, creating sections as needed; it reports false for a key
// the schema does not have. An empty value clears a string key.
func (c *Config) Set(name, v string) bool {
	k, ok := keyIndex[name]
	if !ok {
		return false
	}
	k.set(c, strings.TrimSpace(v))
	return true
}

// FromValues builds a file from key → value. Keys outside the schema (the wizard's
// "flow.…" answers) are left out and returned, sorted, for the caller to judge.
func FromValues(m map[string]string) (*Config, []string) {
	c := &Config{Version: Version}
	var unknown []string
	for _, k := range keys {
		if v, ok := m[k.name]; ok && strings.TrimSpace(v) != "" {
			k.set(c, strings.TrimSpace(v))
		}
	}
	for name := range m {
		if !IsKey(name) {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	return c, unknown
}

// Merge copies every non-empty value of o over c, section by section; verification
// results of o replace c's when o has any.
func (c *Config) Merge(o *Config) {
	for name, v := range o.Values() {
		c.Set(name, v)
	}
	if o.Verification != nil {
		c.Verification = o.Verification
	}
	if c.Version == 0 {
		c.Version = Version
	}
}

// EnvName is the environment variable of a key, derived from its path in one rule: the
// provider, the section (the Messaging API channel is LINE's main one and goes unnamed),
// the field, upper-cased: line.messaging_api.channel_secret is LINE_CHANNEL_SECRET,
// line.login.channel_secret LINE_LOGIN_CHANNEL_SECRET, naver.client_secret
// NAVER_CLIENT_SECRET. The secrets' variables (contract) and `export --format env` use it.
func EnvName(key string) string {
	parts := strings.Split(key, ".")
	var out []string
	for i, p := range parts {
		if i == 1 && parts[0] == "line" && p == "messaging_api" {
			continue
		}
		out = append(out, strings.ToUpper(p))
	}
	return strings.Join(out, "_")
}

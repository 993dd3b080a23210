package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"

	"github.com/setup-wizard/setup-wizard/internal/redact"
)

// LoadError says what is wrong with a config, answers or secret file, where, and what to
// do, in English (Msg) and Japanese (MsgJA). It maps to exit 2.
type LoadError struct {
	Path  string
	Line  int // 0 when unknown
	Msg   string
	MsgJA string
	// NotRegular is set when the path names a FIFO, a device, a socket or a directory.
	NotRegular bool
	Err        error // the system's error behind it, if any
}

func (e *LoadError) Error() string { return e.Message("en") }

func (e *LoadError) Unwrap() error { return e.Err }

// Message is the error in lang ("ja" or "en"): "shop.yaml:3: what, the rule, the fix"
// ("shop.yaml:3：…" in Japanese, as platform profiles say it).
func (e *LoadError) Message(lang string) string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	if lang == "ja" && e.MsgJA != "" {
		return where + "：" + e.MsgJA
	}
	return where + ": " + e.Msg
}

// Parse decodes a config or answers file strictly: an unknown or repeated key, a value of
// the wrong type or a version other than 1 is an error naming the key and its line.
// name is used in messages only.
func Parse(name string, b []byte) (*Config, error) {
	if err := CheckText(name, b); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return &Config{Version: Version}, nil
	}
	var c Config
	if err := yaml.UnmarshalWithOptions(b, &c, yaml.Strict()); err != nil {
		return nil, loadError(name, err)
	}
	// The decoder turns "version: 1.5" into 1 and an unreadable time into the zero time;
	// a second, loose look at the raw values catches both.
	var raw struct {
		Version      any `yaml:"version"`
		Verification struct {
			At any `yaml:"at"`
		} `yaml:"verification"`
	}
	_ = yaml.UnmarshalWithOptions(b, &raw)
	switch raw.Version.(type) {
	case nil, int, int64, uint64:
	default:
		return nil, &LoadError{Path: name, Line: lineOf(b, "version"), Msg: fmt.Sprintf(`"version: %v" is not a schema version. Write "version: 1".`, raw.Version),
			MsgJA: fmt.Sprintf(`「version: %v」はスキーマのバージョンではありません。「version: 1」と書いてください。`, raw.Version)}
	}
	if c.Verification != nil && c.Verification.At.IsZero() && raw.Verification.At != nil {
		return nil, &LoadError{Path: name, Line: lineOf(b, "at"), Msg: `"verification.at" is not a time. Write it as 2026-01-01T00:00:00Z, or delete the verification section: the wizard writes it.`,
			MsgJA: `「verification.at」が日時になっていません。2026-01-01T00:00:00Zの形で書くか、verificationの部分を消してください（ウィザードが書き込みます）。`}
	}
	if err := nulInValues(name, b, &c); err != nil {
		return nil, err
	}
	switch c.Version {
	case Version:
	case 0:
		return nil, &LoadError{Path: name, Msg: `"version" is missing. Add "version: 1" as the first line.`,
			MsgJA: `「version」がありません。1行目に「version: 1」を加えてください。`}
	default:
		return nil, &LoadError{Path: name, Line: lineOf(b, "version"), Msg: fmt.Sprintf(`"version: %d" is not supported: this setup-wizard reads version 1. Use a newer setup-wizard or fix the version.`, c.Version),
			MsgJA: fmt.Sprintf(`「version: %d」には対応していません。このsetup-wizardが読めるのはバージョン1です。新しいsetup-wizardを使うか、バージョンを直してください。`, c.Version)}
	}
	return &c, nil
}

func lineOf(b []byte, key string) int {
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key+":") {
			return i + 1
		}
	}
	return 0
}

func loadError(name string, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &LoadError{Path: name, Msg: err.Error()}
	}
	tk := ye.GetToken()
	line := 0
	if tk != nil && tk.Position != nil {
		line = tk.Position.Line
	}
	var unknown *yaml.UnknownFieldError
	var dup *yaml.DuplicateKeyError
	var typ *yaml.TypeError
	switch {
	case errors.As(err, &unknown):
		key := ""
		if tk != nil {
			key = tk.Value
		}
		return &LoadError{Path: name, Line: line, Msg: fmt.Sprintf("unknown key %q. Check its spelling and indentation against the schema in the README.", key),
			MsgJA: fmt.Sprintf("不明なキー%qです。綴りとインデントをREADMEのスキーマと見比べてください。", key)}
	case errors.As(err, &dup), strings.Contains(ye.GetMessage(), "already defined"):
		key := ""
		if tk != nil {
			key = tk.Value
		}
		return &LoadError{Path: name, Line: line, Msg: fmt.Sprintf("key %q appears twice in the same section. Keep one of them.", key),
			MsgJA: fmt.Sprintf("キー%qが同じ部分に2回出てきます。どちらか1つにしてください。", key)}
	case errors.As(err, &typ):
		val := ""
		if tk != nil {
			val = tk.Value
		}
		given, givenJA := fmt.Sprintf("the value %q", val), fmt.Sprintf("値 %q", val)
		switch val {
		case "[", "-":
			given, givenJA = "a list", "リスト"
		case "{":
			given, givenJA = "a section", "キーのまとまり"
		}
		return &LoadError{Path: name, Line: line, Msg: fmt.Sprintf("wrong type: %s was given where %s is expected. %s", given, typeWords(typ.DstType), typeFix(typ.DstType)),
			MsgJA: fmt.Sprintf("型が違います：%sが必要なところに%sが書かれています。%s", typeWordsJA(typ.DstType), givenJA, typeFixJA(typ.DstType))}
	}
	return &LoadError{Path: name, Line: line, Msg: "is not valid YAML (" + ye.GetMessage() + ").",
		MsgJA: "YAMLとして読めません（" + ye.GetMessage() + "）。"}
}

func typeWords(t reflect.Type) string {
	if t == nil {
		return "of the right type"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int64, reflect.Uint64:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Pointer, reflect.Map:
		if t == reflect.TypeOf(time.Time{}) {
			return "a time"
		}
		return "a section of keys"
	}
	return "of the right type"
}

func typeFix(t reflect.Type) string {
	if t != nil && t.Kind() == reflect.Slice {
		return "Write one item per line, each starting with \"- \"."
	}
	if t != nil && (t.Kind() == reflect.Struct || t.Kind() == reflect.Pointer) && t != reflect.TypeOf(time.Time{}) {
		return "Indent its keys under it, as in the schema in the README."
	}
	return "Check the value against the schema in the README; quote IDs and URLs."
}

func typeWordsJA(t reflect.Type) string {
	if t == nil {
		return "正しい型の値"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "trueかfalse"
	case reflect.String:
		return "文字列"
	case reflect.Int, reflect.Int64, reflect.Uint64:
		return "整数"
	case reflect.Slice:
		return "リスト"
	case reflect.Struct, reflect.Pointer, reflect.Map:
		if t == reflect.TypeOf(time.Time{}) {
			return "日時"
		}
		return "キーのまとまり"
	}
	return "正しい型の値"
}

func typeFixJA(t reflect.Type) string {
	if t != nil && t.Kind() == reflect.Slice {
		return "1行に1項目ずつ、「-」で始めて書いてください。"
	}
	if t != nil && (t.Kind() == reflect.Struct || t.Kind() == reflect.Pointer) && t != reflect.TypeOf(time.Time{}) {
		return "READMEのスキーマのとおり、その下にキーをインデントして書いてください。"
	}
	return "READMEのスキーマと見比べてください。IDやURLは引用符で囲んでください。"
}

// plainScalar matches text that YAML reads back as the same string without quotes.
var plainScalar = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._~/:@%+=,;&?()\-]*$`) })

// quoteString writes a string plain when that is safe and double-quoted otherwise, so that
// every value, however odd ("? x", ".inf", "2000000001", "サロン"), reads back unchanged.
func quoteString(s string) ([]byte, error) {
	if plainScalar().MatchString(s) && !token.IsNeedQuoted(s) && !strings.Contains(s, ": ") && !strings.HasSuffix(s, ":") {
		if tk := token.New(s, s, &token.Position{}); tk.Type == token.StringType {
			return []byte(s), nil
		}
	}
	return json.Marshal(s) // a JSON string is a valid YAML double-quoted scalar
}

// Marshal encodes the file as YAML.
func (c *Config) Marshal() ([]byte, error) {
	if c.Version == 0 {
		c.Version = Version
	}
	return yaml.MarshalWithOptions(c, yaml.Indent(2), yaml.IndentSequence(true), yaml.CustomMarshaler[string](quoteString))
}

// Save writes c to path atomically with mode 0600, keeping any previous file as path.bak.
// No secret of c is written outside its own field (a check's detail quoting it).
func Save(path string, c *Config) error {
	b, err := c.Scrubbed(nil).Marshal()
	if err != nil {
		return err
	}
	return WriteAtomic(path, b, true)
}

// RedactValue replaces a secret by its first four characters and its length:
// "abcd… (32 characters)" (redact.Mask). Short secrets show nothing of themselves.
func RedactValue(v string) string { return redact.Mask(v) }

// Redacted returns a copy of c with every secret replaced by redact.Mask, and every other
// value and the verification block scrubbed of the secrets (an API that echoed a token
// into a check's detail, saved by an older version).
func (c *Config) Redacted() *Config {
	set := redact.New(c.Secrets()...)
	out := c.scrub(set)
	vals := out.Values()
	for _, k := range SecretKeys() {
		if v, ok := vals[k]; ok {
			vals[k] = redact.Mask(v)
		}
	}
	masked, _ := FromValues(vals)
	masked.Version = out.Version
	masked.Verification = out.Verification
	return masked
}

// Scrubbed returns a copy of c whose secrets stay in their own fields but nowhere else:
// every other value and the verification block are passed through set (which is given
// c's own secrets too). For export without --redact.
func (c *Config) Scrubbed(set *redact.Set) *Config {
	if set == nil {
		set = redact.New()
	}
	set.Add(c.Secrets()...)
	return c.scrub(set)
}

func (c *Config) scrub(set *redact.Set) *Config {
	secret := map[string]bool{}
	for _, k := range SecretKeys() {
		secret[k] = true
	}
	vals := c.Values()
	for k, v := range vals {
		if !secret[k] {
			vals[k] = set.Text(v)
		}
	}
	out, _ := FromValues(vals)
	out.Version = c.Version
	if c.Verification != nil {
		v := *c.Verification
		v.Results = make([]Result, len(c.Verification.Results))
		for i, r := range c.Verification.Results {
			r.ID, r.Status, r.Step = set.Line(r.ID), set.Line(r.Status), set.Line(r.Step)
			r.Message, r.Detail = set.Line(r.Message), set.Line(r.Detail)
			v.Results[i] = r
		}
		out.Verification = &v
	}
	return out
}

// Secrets lists the secret values present in c, for scrubbing output.
func (c *Config) Secrets() []string {
	var out []string
	for _, k := range SecretKeys() {
		if v := c.Get(k); v != "" {
			out = append(out, v)
		}
	}
	return out
}

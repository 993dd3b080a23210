// Package platform loads platform profiles: what a shop platform (Leporto, Cafe24…)
// ships so that its shops type only what is their own. A profile names the platform,
// gives default values (LINE policy and terms URLs), URL templates with the fields they
// need, the wording of its CMS or shop-admin step and the platform's name for NAVER's
// review form. Three are built in; a file in the same schema can be given instead.
package platform

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
)

//go:embed profiles/*.yaml
var builtin embed.FS

// Generic is the profile used when none is chosen.
const Generic = "generic"

// MaxFileSize bounds a profile file: a profile is a few dozen lines.
const MaxFileSize = 64 << 10

// Profile is one platform.
type Profile struct {
	ID     string
	Name   steps.Text // in sentences: "the Leporto CMS"
	Label  steps.Text // in the chooser; Name when not given
	Source string     // "built in" or the file's path
	LINE   *LINE      // nil when the platform does not offer LINE
	NAVER  *NAVER     // nil when the platform does not offer NAVER Login
	Fields []Field    // values the URL templates need, asked at the start
}

// LINE is what a platform gives for the LINE flows.
type LINE struct {
	PrivacyPolicyURL string
	TermsURL         string
	WebhookURL       Template
	CallbackURL      Template
	CMS              CMS
}

// CMS is how the platform's CMS takes the LINE values.
type CMS struct {
	Name         steps.Text // "the Leporto CMS"
	Where        steps.Text // the page where the LINE values go
	NextButton   steps.Text // the button that saves ("[次へ]")
	SavedMessage steps.Text // what the CMS shows once saved ("保存しました")
	BackButton   steps.Text // the button back to the settings ("[戻る]")
	// WebhookAfterSave: the CMS shows the webhook URL only once it has saved the values,
	// so the webhook is set after the CMS step, never before.
	WebhookAfterSave bool
}

// NAVER is what a platform gives for NAVER Login.
type NAVER struct {
	Platform           string // naver.platform: cafe24 | other
	ReviewPlatformName string // typed after choosing 기타 in NAVER's review form
	Admin              Admin
}

// Admin is the shop-admin screen that takes the Client ID and Client Secret.
type Admin struct {
	Name       steps.Text
	Where      steps.Text // menu path
	SwitchOn   steps.Text // how NAVER login is switched on there
	SaveButton steps.Text
}

// Field is a value a template needs, such as the shop's ID at the platform.
type Field struct {
	Name    string // {name} in templates
	Label   steps.Text
	Help    steps.Text
	Pattern *regexp.Regexp
	Example string
}

// Key is the answer key of the field; it steers the flow and stays out of the config.
func (f Field) Key() string { return "flow.platform." + f.Name }

// Template is a URL with {field} placeholders ("https://{shop}.example.com/line/webhook").
type Template string

// Compiled on first use: a program that only prints its version pays nothing.
var placeholderRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([a-z][a-z0-9_]*)\}`) })

// Names lists the fields the template needs.
func (t Template) Names() []string {
	var out []string
	for _, m := range placeholderRe().FindAllStringSubmatch(string(t), -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// Fill replaces each placeholder by its answer; it returns "" while one is missing or
// does not match its field's pattern, so that nothing half-made is proposed.
func (p *Profile) Fill(t Template, a steps.Answers) string {
	if t == "" {
		return ""
	}
	ok := true
	out := placeholderRe().ReplaceAllStringFunc(string(t), func(m string) string {
		f, found := p.field(m[1 : len(m)-1])
		v := a.Get(f.Key())
		if !found || v == "" || (f.Pattern != nil && !f.Pattern.MatchString(v)) {
			ok = false
		}
		return v
	})
	if !ok {
		return ""
	}
	return out
}

func (p *Profile) field(name string) (Field, bool) {
	for _, f := range p.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Offers reports whether the platform can be chosen for provider ("line" or "naver").
func (p *Profile) Offers(provider string) bool {
	switch provider {
	case "line":
		return p.LINE != nil
	case "naver":
		return p.NAVER != nil
	}
	return false
}

// IsGeneric reports the profile that knows nothing of the platform.
func (p *Profile) IsGeneric() bool { return p == nil || p.ID == Generic }

// ChooserLabel is how the profile is offered in the chooser.
func (p *Profile) ChooserLabel() steps.Text {
	if !p.Label.IsZero() {
		return p.Label
	}
	return p.Name
}

// Builtins lists the built-in profile ids, generic last.
func Builtins() []string {
	ents, _ := fs.ReadDir(builtin, "profiles")
	var ids []string
	for _, e := range ents {
		if id := strings.TrimSuffix(e.Name(), ".yaml"); id != Generic {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return append(ids, Generic)
}

// Builtin returns a built-in profile by id.
func Builtin(id string) (*Profile, bool) {
	b, err := builtin.ReadFile(path.Join("profiles", id+".yaml"))
	if err != nil {
		return nil, false
	}
	p, err := Parse("built in "+id, b)
	if err != nil {
		panic("platform: built-in profile " + id + ": " + err.Error()) // a test loads each
	}
	p.Source = "built in"
	return p, true
}

// MustGeneric is the generic profile.
func MustGeneric() *Profile {
	p, _ := Builtin(Generic)
	return p
}

// For lists the built-in profiles that offer provider, generic last.
func For(provider string) []*Profile {
	var out []*Profile
	for _, id := range Builtins() {
		if p, ok := Builtin(id); ok && p.Offers(provider) {
			out = append(out, p)
		}
	}
	return out
}

// Load reads --platform's value: a built-in id, else a file. A name that is neither is
// an error listing the built-in ones.
func Load(nameOrFile string) (*Profile, error) {
	if p, ok := Builtin(nameOrFile); ok {
		return p, nil
	}
	if !strings.ContainsAny(nameOrFile, `/\.`) {
		return nil, &LoadError{Path: nameOrFile, Msg: steps.T(
			"is neither a built-in platform nor a file. Use one of "+strings.Join(Builtins(), ", ")+", or the path of a profile file.",
			"は組み込みのプラットフォームでもファイルでもありません。"+strings.Join(Builtins(), "、")+"のどれか、またはプロファイルのファイルのパスを指定してください。")}
	}
	fi, err := os.Stat(nameOrFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &LoadError{Path: nameOrFile, Msg: steps.T(
				"no such file. Give the path of a profile file, or one of "+strings.Join(Builtins(), ", ")+".",
				"ファイルがありません。プロファイルのファイルのパスか、"+strings.Join(Builtins(), "、")+"のどれかを指定してください。")}
		}
		return nil, &LoadError{Path: nameOrFile, Msg: steps.T("cannot be read: "+err.Error(), "読めません："+err.Error())}
	}
	if !fi.Mode().IsRegular() {
		return nil, &LoadError{Path: nameOrFile, Msg: steps.T("is not a regular file. Give the path of a profile file.", "通常のファイルではありません。プロファイルのファイルのパスを指定してください。")}
	}
	if fi.Size() > MaxFileSize {
		return nil, &LoadError{Path: nameOrFile, Msg: steps.T(
			fmt.Sprintf("is %d bytes; a profile is at most %d. Check that this is the profile file.", fi.Size(), MaxFileSize),
			fmt.Sprintf("%dバイトあります。プロファイルは%dバイトまでです。プロファイルのファイルか確かめてください。", fi.Size(), MaxFileSize))}
	}
	b, err := os.ReadFile(nameOrFile)
	if err != nil {
		return nil, &LoadError{Path: nameOrFile, Msg: steps.T("cannot be read: "+err.Error(), "読めません："+err.Error())}
	}
	p, err := Parse(nameOrFile, b)
	if err != nil {
		return nil, err
	}
	p.Source = nameOrFile
	return p, nil
}

// LoadError says what is wrong with a profile, where, and what to do, in both languages.
type LoadError struct {
	Path string
	Line int
	Msg  steps.Text
}

func (e *LoadError) Error() string { return e.In(steps.EN) }

// In is the message in l: "leporto.yaml:7: unknown key "terms". …"
func (e *LoadError) In(l steps.Lang) string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	sep := ": "
	if l == steps.JA {
		sep = "："
	}
	return where + sep + e.Msg.In(l)
}

// file is the YAML schema of a profile.
type file struct {
	Version int        `yaml:"version"`
	ID      string     `yaml:"id"`
	Name    *text      `yaml:"name"`
	Label   *text      `yaml:"label"`
	Fields  []fieldDoc `yaml:"fields"`
	LINE    *lineDoc   `yaml:"line"`
	NAVER   *naverDoc  `yaml:"naver"`
}

type text struct {
	EN string `yaml:"en"`
	JA string `yaml:"ja"`
}

func (t *text) T() steps.Text {
	if t == nil {
		return steps.Text{}
	}
	// A profile is a file from elsewhere: no escape sequence or control character of it
	// reaches the screen.
	return steps.T(strings.TrimSpace(steps.Clean(t.EN)), strings.TrimSpace(steps.Clean(t.JA)))
}

type fieldDoc struct {
	Name    string `yaml:"name"`
	Label   *text  `yaml:"label"`
	Help    *text  `yaml:"help"`
	Pattern string `yaml:"pattern"`
	Example string `yaml:"example"`
}

type lineDoc struct {
	PrivacyPolicyURL string  `yaml:"privacy_policy_url"`
	TermsURL         string  `yaml:"terms_url"`
	WebhookURL       string  `yaml:"webhook_url"`
	CallbackURL      string  `yaml:"callback_url"`
	CMS              *cmsDoc `yaml:"cms"`
}

type cmsDoc struct {
	Name             *text `yaml:"name"`
	Where            *text `yaml:"where"`
	NextButton       *text `yaml:"next_button"`
	SavedMessage     *text `yaml:"saved_message"`
	BackButton       *text `yaml:"back_button"`
	WebhookAfterSave bool  `yaml:"webhook_after_save"`
}

type naverDoc struct {
	Platform           string    `yaml:"platform"`
	ReviewPlatformName string    `yaml:"review_platform_name"`
	Admin              *adminDoc `yaml:"admin"`
}

type adminDoc struct {
	Name       *text `yaml:"name"`
	Where      *text `yaml:"where"`
	SwitchOn   *text `yaml:"switch_on"`
	SaveButton *text `yaml:"save_button"`
}

var idRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`) })

// Parse decodes a profile strictly: an unknown or repeated key, a wrong type, a bad URL
// or template is an error naming the key and its line. name is used in messages only.
func Parse(name string, b []byte) (*Profile, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &LoadError{Path: name, Msg: steps.T("is empty. A profile starts with \"version: 1\" and \"id:\".", "が空です。プロファイルは「version: 1」と「id:」で始まります。")}
	}
	// The raw text is checked as the config's is (BOM, UTF-8, NUL, nesting depth, tabs, a
	// second document) before the decoder sees it.
	if err := config.CheckText(name, b); err != nil {
		var le *config.LoadError
		if errors.As(err, &le) {
			return nil, &LoadError{Path: name, Line: le.Line, Msg: steps.T(le.Msg, le.MsgJA)}
		}
		return nil, err
	}
	var f file
	if err := yaml.UnmarshalWithOptions(b, &f, yaml.Strict()); err != nil {
		return nil, yamlError(name, err)
	}
	bad := func(key string, en, ja string) error {
		return &LoadError{Path: name, Line: lineOf(b, key), Msg: steps.T(en, ja)}
	}
	if f.Version != 1 {
		return nil, bad("version", `"version" must be 1. Write "version: 1" as the first line.`, `「version」は1にしてください。先頭の行に「version: 1」と書いてください。`)
	}
	if !idRe().MatchString(f.ID) {
		return nil, bad("id", `"id" must be a short name in lowercase letters, digits, - or _ (such as "myshop").`, `「id」は英小文字・数字・-・_の短い名前にしてください（例：myshop）。`)
	}
	p := &Profile{ID: f.ID, Name: f.Name.T(), Label: f.Label.T()}
	if p.Name.EN == "" || p.Name.JA == "" {
		return nil, bad("name", `"name" needs both "en" and "ja": the platform's name as operators know it.`, `「name」には「en」と「ja」の両方が必要です。オペレーターが知っているプラットフォーム名を書いてください。`)
	}
	for _, fd := range f.Fields {
		if !regexp.MustCompile(`^[a-z][a-z0-9_]*$`).MatchString(fd.Name) {
			return nil, bad("- name", fmt.Sprintf(`field name %q must be lowercase letters, digits or _ , starting with a letter.`, fd.Name), fmt.Sprintf(`項目名%qは英小文字で始まる英小文字・数字・_にしてください。`, fd.Name))
		}
		fl := Field{Name: fd.Name, Label: fd.Label.T(), Help: fd.Help.T(), Example: steps.Clean(fd.Example)}
		if fl.Label.EN == "" || fl.Label.JA == "" {
			return nil, bad("label", fmt.Sprintf(`field %q needs a "label" with "en" and "ja".`, fd.Name), fmt.Sprintf(`項目%qには「en」と「ja」のある「label」が必要です。`, fd.Name))
		}
		if fd.Pattern != "" && fd.Example == "" {
			return nil, bad("pattern", fmt.Sprintf(`field %q has a "pattern" but no "example": add an example value that matches it.`, fd.Name), fmt.Sprintf(`項目%qに「pattern」がありますが「example」がありません。patternに合う例を追加してください。`, fd.Name))
		}
		if fd.Pattern != "" {
			re, err := regexp.Compile(anchor(fd.Pattern))
			if err != nil {
				return nil, bad("pattern", fmt.Sprintf(`"pattern" of field %q is not a regular expression (%v).`, fd.Name, err), fmt.Sprintf(`項目%qの「pattern」が正規表現ではありません（%v）。`, fd.Name, err))
			}
			fl.Pattern = re
			if fd.Example != "" && !re.MatchString(fd.Example) {
				return nil, bad("example", fmt.Sprintf(`"example" %q of field %q does not match its pattern.`, fd.Example, fd.Name), fmt.Sprintf(`項目%qの「example」%qがpatternに合いません。`, fd.Name, fd.Example))
			}
		}
		if _, dup := p.field(fd.Name); dup {
			return nil, bad("- name", fmt.Sprintf(`field %q is declared twice.`, fd.Name), fmt.Sprintf(`項目%qが2回あります。`, fd.Name))
		}
		p.Fields = append(p.Fields, fl)
	}
	if l := f.LINE; l != nil {
		p.LINE = &LINE{PrivacyPolicyURL: strings.TrimSpace(l.PrivacyPolicyURL), TermsURL: strings.TrimSpace(l.TermsURL),
			WebhookURL: Template(strings.TrimSpace(l.WebhookURL)), CallbackURL: Template(strings.TrimSpace(l.CallbackURL))}
		for _, u := range []struct{ key, v string }{{"privacy_policy_url", p.LINE.PrivacyPolicyURL}, {"terms_url", p.LINE.TermsURL}} {
			if u.v == "" {
				continue
			}
			if pr := urlProblem(u.v); pr != nil {
				return nil, bad(u.key, fmt.Sprintf("%q %s %s", u.key, pr.Rule.EN, pr.Fix.EN), fmt.Sprintf("「%s」%s%s", u.key, pr.Rule.JA, pr.Fix.JA))
			}
		}
		for _, t := range []struct {
			key string
			v   Template
		}{{"webhook_url", p.LINE.WebhookURL}, {"callback_url", p.LINE.CallbackURL}} {
			if err := p.checkTemplate(t.v); err != nil {
				return nil, bad(t.key, fmt.Sprintf("%q: %s", t.key, err.EN), fmt.Sprintf("「%s」：%s", t.key, err.JA))
			}
		}
		if c := l.CMS; c != nil {
			p.LINE.CMS = CMS{Name: c.Name.T(), Where: c.Where.T(), NextButton: c.NextButton.T(), SavedMessage: c.SavedMessage.T(),
				BackButton: c.BackButton.T(), WebhookAfterSave: c.WebhookAfterSave}
		}
	}
	if n := f.NAVER; n != nil {
		p.NAVER = &NAVER{Platform: n.Platform, ReviewPlatformName: strings.TrimSpace(steps.Clean(n.ReviewPlatformName))}
		switch n.Platform {
		case "":
			p.NAVER.Platform = "other"
		case "cafe24", "other":
		default:
			return nil, bad("platform", fmt.Sprintf(`naver "platform" %q must be cafe24 or other.`, n.Platform), fmt.Sprintf(`naverの「platform」%qはcafe24かotherにしてください。`, n.Platform))
		}
		if a := n.Admin; a != nil {
			p.NAVER.Admin = Admin{Name: a.Name.T(), Where: a.Where.T(), SwitchOn: a.SwitchOn.T(), SaveButton: a.SaveButton.T()}
		}
	}
	if p.LINE == nil && p.NAVER == nil {
		return nil, bad("id", `the profile has neither a "line" nor a "naver" section: add the one the platform offers.`, `プロファイルに「line」も「naver」もありません。プラットフォームが提供するほうを追加してください。`)
	}
	return p, nil
}

// anchor makes a field pattern match the whole value.
func anchor(re string) string {
	if !strings.HasPrefix(re, "^") {
		re = "^(?:" + re + ")"
	}
	if !strings.HasSuffix(re, "$") {
		re += "$"
	}
	return re
}

// urlProblem: a profile's URL is an https address on a public host.
func urlProblem(v string) *steps.Problem {
	fix := steps.T("Write the https:// address of the platform's page.", "プラットフォームのページのhttps://アドレスを書いてください。")
	return steps.All(steps.HTTPSURL(fix), steps.PublicHost(fix))(v, nil)
}

// checkTemplate: every placeholder is a declared field, and the template filled with
// the fields' examples (or "example") is a valid https URL.
func (p *Profile) checkTemplate(t Template) *steps.Text {
	if t == "" {
		return nil
	}
	a := steps.Answers{}
	for _, n := range t.Names() {
		f, ok := p.field(n)
		if !ok {
			e := steps.T(fmt.Sprintf("{%s} is not a declared field. Declare it under \"fields\" or remove it.", n),
				fmt.Sprintf("{%s}は「fields」に宣言されていません。宣言するか、テンプレートから外してください。", n))
			return &e
		}
		v := f.Example
		if v == "" {
			v = "example"
		}
		a[f.Key()] = v
	}
	if strings.ContainsAny(strings.ReplaceAll(placeholderRe().ReplaceAllString(string(t), ""), "{}", ""), "{}") {
		e := steps.T("has a brace that is not a {field} placeholder (lowercase name in braces).", "{項目名}（英小文字）の形でない波かっこがあります。")
		return &e
	}
	if pr := urlProblem(p.Fill(t, a)); pr != nil {
		e := steps.T("filled in, it "+pr.Rule.EN+" "+pr.Fix.EN, "埋めると、"+pr.Rule.JA+pr.Fix.JA)
		return &e
	}
	return nil
}

func lineOf(b []byte, key string) int {
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key+":") {
			return i + 1
		}
	}
	return 0
}

func yamlError(name string, err error) error {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return &LoadError{Path: name, Msg: steps.T(err.Error(), err.Error())}
	}
	line, val := 0, ""
	if tk := ye.GetToken(); tk != nil {
		val = tk.Value
		if tk.Position != nil {
			line = tk.Position.Line
		}
	}
	var unknown *yaml.UnknownFieldError
	var dup *yaml.DuplicateKeyError
	var typ *yaml.TypeError
	switch {
	case errors.As(err, &unknown):
		return &LoadError{Path: name, Line: line, Msg: steps.T(
			fmt.Sprintf("unknown key %q. Check its spelling and indentation against the profile schema in the README.", val),
			fmt.Sprintf("不明なキー%qです。READMEのプロファイルの書式と、つづり・字下げを見比べてください。", val))}
	case errors.As(err, &dup), strings.Contains(ye.GetMessage(), "already defined"):
		return &LoadError{Path: name, Line: line, Msg: steps.T(
			fmt.Sprintf("key %q appears twice in the same section. Keep one of them.", val),
			fmt.Sprintf("キー%qが同じ場所に2回あります。1つにしてください。", val))}
	case errors.As(err, &typ):
		return &LoadError{Path: name, Line: line, Msg: steps.T(
			fmt.Sprintf("wrong type at %q. Check the value against the profile schema in the README; texts in both languages are written {en: …, ja: …}.", val),
			fmt.Sprintf("%qの型が違います。READMEのプロファイルの書式と見比べてください。2言語の文は{en: …, ja: …}と書きます。", val))}
	}
	return &LoadError{Path: name, Line: line, Msg: steps.T("is not valid YAML ("+ye.GetMessage()+").", "正しいYAMLではありません（"+ye.GetMessage()+"）。")}
}

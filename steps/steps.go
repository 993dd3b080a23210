// Package steps declares what a wizard screen is made of: a step, its fields, their
// validators and the texts in both languages. Flows are data built from these types;
// the engine and the front ends run them without knowing any provider.
package steps

import (
	"strings"
)

// Lang is a language the wizard speaks.
type Lang string

const (
	EN Lang = "en"
	JA Lang = "ja"
)

// ParseLang reads a --lang value or a locale such as "ja_JP.UTF-8". ok is false when
// the value names neither language.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "ja" || strings.HasPrefix(s, "ja_") || strings.HasPrefix(s, "ja-") || strings.HasPrefix(s, "ja."):
		return JA, true
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en."):
		return EN, true
	}
	return EN, false
}

// Text is one piece of user-facing wording in both languages.
type Text struct {
	EN string
	JA string
}

// T builds a Text; English first, then Japanese.
func T(en, ja string) Text { return Text{EN: en, JA: ja} }

// In returns the wording in l, falling back to English.
func (t Text) In(l Lang) string {
	if l == JA && t.JA != "" {
		return t.JA
	}
	return t.EN
}

// IsZero reports whether the text is empty in both languages.
func (t Text) IsZero() bool { return t.EN == "" && t.JA == "" }

// Answers holds every value collected so far, keyed by its config key
// ("line.messaging_api.channel_secret"). Keys under "flow." are answers that steer the
// flow (does the OA exist already?) and are kept in the draft, never in the config.
// A list is stored one item per line; a yes/no as "true" or "false".
type Answers map[string]string

// Get returns the trimmed value of key.
func (a Answers) Get(key string) string { return strings.TrimSpace(a[key]) }

// Bool reports whether key holds "true".
func (a Answers) Bool(key string) bool { return a.Get(key) == "true" }

// List splits a list value into its non-empty items.
func (a Answers) List(key string) []string { return SplitList(a[key]) }

// Clone returns a copy that can be changed without touching a.
func (a Answers) Clone() Answers {
	c := make(Answers, len(a))
	for k, v := range a {
		c[k] = v
	}
	return c
}

// SplitList splits a list value on new lines, commas and spaces into trimmed, non-empty items.
func SplitList(v string) []string {
	f := strings.FieldsFunc(v, func(r rune) bool { return r == '\n' || r == ',' || r == ' ' || r == '\t' || r == '\r' })
	out := f[:0]
	for _, s := range f {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// JoinList is the inverse of SplitList.
func JoinList(items []string) string { return strings.Join(items, "\n") }

// Kind is how a field is asked for.
type Kind int

const (
	KindText    Kind = iota // one line of text
	KindSecret              // masked; never echoed, logged or reported
	KindURL                 // one URL
	KindChoice              // one of Options
	KindList                // several values, one per line
	KindConfirm             // yes / no
)

// Option is one choice of a KindChoice field.
type Option struct {
	Value string
	Label Text
}

// Severity tells an error, which stops the flow, from a warning, which is shown only.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is what a validator found wrong with a value: the rule it breaks and how to
// fix it. Field and Label are filled in by Field.Check.
type Problem struct {
	Field    string // config key
	Label    Text   // the field's label
	Severity Severity
	Rule     Text // what is wrong, naming the rule
	Fix      Text // what to do
}

// Message is the full sentence for the user: "Channel secret: must be 32 letters or
// digits (got 31). Copy it again from the Basic settings tab."
func (p Problem) Message(l Lang) string {
	var b strings.Builder
	if label := p.Label.In(l); label != "" {
		b.WriteString(label)
		if l == JA {
			b.WriteString("：")
		} else {
			b.WriteString(": ")
		}
	}
	b.WriteString(p.Rule.In(l))
	if fix := p.Fix.In(l); fix != "" {
		if l != JA { // Japanese sentences follow one another without a space
			b.WriteString(" ")
		}
		b.WriteString(fix)
	}
	return b.String()
}

// Validator checks one value; it sees the other answers for cross-field rules. It returns
// nil when the value is fine. It is only called for non-empty values: emptiness is the
// field's Optional flag's business.
type Validator func(value string, a Answers) *Problem

// Link is a console page the step sends the operator to.
type Link struct {
	Label Text
	URL   string
}

// Field is one value a step collects.
type Field struct {
	Key         string // config key, or "flow.…" for an answer that only steers the flow
	Label       Text
	Help        Text // one line under the field: where to find the value
	Kind        Kind
	Options     []Option
	Placeholder string
	// Derive proposes a value from earlier answers when the field is still empty
	// (callback URLs from the shop domain, the Login channel name from the OA name).
	Derive   func(Answers) string
	Validate []Validator
	Optional bool
	Env      string // environment variable that may supply it (secrets)
	// Translation, for a text pasted into a console in another language (NAVER's review
	// request is Korean), says in the operator's language what the derived text says;
	// front ends show the value in full with it and offer to copy it.
	Translation func(a Answers, l Lang) string
	Sample      string // value offered in --sandbox
}

// Secret reports whether the value must be masked and kept out of every output.
func (f Field) Secret() bool { return f.Kind == KindSecret }

// Check validates v against the field's rules. Emptiness is an error unless the field is
// optional; a confirm field accepts only "true" or "false". Every problem carries the
// field's key and label.
func (f Field) Check(v string, a Answers) []Problem {
	v = strings.TrimSpace(v)
	var ps []Problem
	add := func(p *Problem) {
		if p == nil {
			return
		}
		q := *p
		q.Field, q.Label = f.Key, f.Label
		ps = append(ps, q)
	}
	if v == "" {
		if !f.Optional && f.Kind != KindConfirm {
			add(&Problem{Rule: T("is required.", "入力が必要です。"), Fix: requiredFix(f)})
		}
		return ps
	}
	switch f.Kind {
	case KindConfirm:
		if v != "true" && v != "false" {
			add(&Problem{Rule: T("must be yes or no.", "「はい」か「いいえ」で答えてください。"), Fix: T(`Use "true" or "false".`, `trueかfalseを指定してください。`)})
			return ps
		}
	case KindChoice:
		ok := false
		var names []string
		for _, o := range f.Options {
			names = append(names, o.Value)
			ok = ok || o.Value == v
		}
		if !ok {
			add(&Problem{
				Rule: T("must be one of "+strings.Join(names, ", ")+".", strings.Join(names, "、")+"のいずれかを指定してください。"),
				Fix:  T("Pick one of the listed values.", "一覧の値から選んでください。"),
			})
			return ps
		}
	}
	for _, val := range f.Validate {
		add(val(v, a))
	}
	return ps
}

func requiredFix(f Field) Text {
	if f.Env != "" {
		return T("Enter it, or set "+f.Env+" in the environment.", "入力するか、環境変数"+f.Env+"で指定してください。")
	}
	if !f.Help.IsZero() {
		return f.Help
	}
	return T("Enter a value.", "値を入力してください。")
}

// Step is one screen: what to do in a console, where, the values to collect there and the
// live checks those values trigger.
type Step struct {
	ID    string
	Title Text
	Body  Text // what to do, a few short paragraphs separated by blank lines
	Links []Link
	// Confirm, when set, is the question the operator answers with yes once the console
	// work is done ("I switched Chat on"). It is stored as "flow.done.<step id>".
	Confirm Text
	Fields  []Field
	Checks  []string // ids of the live checks this step's values feed
	// Skip leaves the step out when it returns true for the answers so far.
	Skip func(Answers) bool
	// Handover marks the step that lists the collected values for copying into the CMS;
	// the config file is written when it is passed.
	Handover bool
	// Warn is shown prominently (an irreversible action, a common mistake).
	Warn Text
	// Records are answers written when the operator confirms the step and passes it
	// (the review request was sent → naver.review_status: requested).
	Records Answers
}

// ConfirmKey is the answer key that records the step's confirmation.
func (s *Step) ConfirmKey() string { return "flow.done." + s.ID }

// Flow is a sequence of steps.
type Flow struct {
	ID       string // "line.new", "line.switch", "naver"
	Provider string // "line" or "naver": the config section it fills
	Title    Text
	Steps    []*Step
	// Preset is written into the answers when the flow starts (line.flow: new).
	Preset Answers
	// Learnt names the values live checks find out rather than the operator types (the
	// channel ID behind a token), for the hand-over list.
	Learnt map[string]Text
}

// Field finds the field declared with key anywhere in the flow.
func (fl *Flow) Field(key string) (Field, *Step, bool) {
	for _, s := range fl.Steps {
		for _, f := range s.Fields {
			if f.Key == key {
				return f, s, true
			}
		}
	}
	return Field{}, nil, false
}

// Step finds a step by id.
func (fl *Flow) Step(id string) *Step {
	for _, s := range fl.Steps {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Display is v as the operator chose it: a choice's label, yes or no for a confirm
// field, the value itself otherwise. Secrets are the caller's to mask.
func (f Field) Display(v string, l Lang) string {
	switch f.Kind {
	case KindChoice:
		for _, o := range f.Options {
			if o.Value == v {
				return o.Label.In(l)
			}
		}
	case KindConfirm:
		switch v {
		case "true":
			return T("yes", "はい").In(l)
		case "false":
			return T("no", "いいえ").In(l)
		}
	case KindList:
		return strings.Join(SplitList(v), ", ")
	}
	return v
}

package main

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/setup-wizard/setup-wizard/steps"
)

// pflag words its complaints in English and in a programmer's terms ("strconv.ParseInt:
// parsing "x": invalid syntax"). flagErrorText says the same for an operator, in lang:
// which flag, what was wrong with the value, what it takes.
var flagErrorRes = sync.OnceValue(func() map[string]*regexp.Regexp {
	return map[string]*regexp.Regexp{
		"unknown":   regexp.MustCompile(`^unknown flag: (\S+)$`),
		"shorthand": regexp.MustCompile(`^unknown shorthand flag: '(.)' in (\S+)$`),
		"needs":     regexp.MustCompile(`^flag needs an argument: (?:'(.)' in -\S+|(\S+))$`),
		"invalid":   regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`),
	}
})

// valueKind names what a flag's value must be, from the parser's error, or "".
func valueKind(parseErr string) steps.Text {
	switch {
	case strings.Contains(parseErr, "strconv.ParseInt"), strings.Contains(parseErr, "strconv.ParseUint"):
		return steps.T("must be a whole number (for example 8)", "整数で指定してください（例：8）")
	case strings.Contains(parseErr, "strconv.ParseFloat"):
		return steps.T("must be a number (for example 2.5)", "数値で指定してください（例：2.5）")
	case strings.Contains(parseErr, "time: "):
		return steps.T("must be a duration (for example 10s or 1m)", "時間で指定してください（例：10s、1m）")
	case strings.Contains(parseErr, "strconv.ParseBool"):
		return steps.T("must be true or false", "trueかfalseで指定してください")
	}
	return steps.Text{}
}

// flagErrorText rewrites a flag parsing error for the operator; an error it does not
// know is returned as it is.
func flagErrorText(lang steps.Lang, err error) string {
	s := err.Error()
	res := flagErrorRes()
	if m := res["unknown"].FindStringSubmatch(s); m != nil {
		return fmt.Sprintf(steps.T("unknown flag: %s", "%sというフラグはありません").In(lang), m[1])
	}
	if m := res["shorthand"].FindStringSubmatch(s); m != nil {
		if m[2] == "-"+m[1] {
			return fmt.Sprintf(steps.T("unknown shorthand flag: -%s", "-%sという短縮フラグはありません").In(lang), m[1])
		}
		return fmt.Sprintf(steps.T("unknown shorthand flag: -%s (in %s)", "-%sという短縮フラグはありません（%s）").In(lang), m[1], m[2])
	}
	if m := res["needs"].FindStringSubmatch(s); m != nil {
		name := m[2]
		if m[1] != "" {
			name = "-" + m[1]
		}
		return fmt.Sprintf(steps.T("flag %s needs a value", "フラグ%sには値が必要です").In(lang), name)
	}
	if m := res["invalid"].FindStringSubmatch(s); m != nil {
		if kind := valueKind(m[3]); !kind.IsZero() {
			return fmt.Sprintf(steps.T("%s: %q is not valid: it %s", "%sの値「%s」は使えません。%s").In(lang), m[2], m[1], kind.In(lang))
		}
		return fmt.Sprintf(steps.T("%s: %q is not valid: %s", "%sの値「%s」は使えません：%s").In(lang), m[2], m[1], m[3])
	}
	return s
}

// envErrorText is the same for a flag's value taken from its environment variable.
func envErrorText(lang steps.Lang, name, value, flag string, err error) string {
	if kind := valueKind(err.Error()); !kind.IsZero() {
		return fmt.Sprintf(steps.T("%s=%q (the value of --%s) is not valid: it %s. Fix it or unset it.",
			"%s=%q（--%sの値）は使えません。%s。直すか、環境変数を外してください。").In(lang), name, value, flag, strings.TrimSuffix(kind.In(lang), "。"))
	}
	return fmt.Sprintf(steps.T("%s=%q (the value of --%s) is not valid: %v. Fix it or unset it.",
		"%s=%q（--%sの値）は使えません：%v。直すか、環境変数を外してください。").In(lang), name, value, flag, err)
}

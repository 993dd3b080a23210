package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Help in the user's language: the commands' and flags' words are picked when the tree is
// built (the language is known from --lang, SETUP_WIZARD_LANG or the locale before the
// flags are parsed), and the usage frame is drawn here in the same language.

// helpTopic is a page of `setup-wizard help NAME` that is not a command; its text is
// written only when it is asked for.
func helpTopic(a *App, name string, short steps.Text, long func() string) *cobra.Command {
	c := &cobra.Command{Use: name, Short: a.text(short)}
	if a.topics == nil {
		a.topics = map[*cobra.Command]func() string{}
	}
	a.topics[c] = long
	return c
}

// errVersionShown ends a run whose --version asked for nothing else.
var errVersionShown = errors.New("version shown")

// localizeLazily draws every command's usage and help in the user's language; the words
// cobra adds by itself are translated only when help or completion is asked for, so that
// other runs do not pay for it.
func (a *App) localizeLazily(root *cobra.Command) {
	var once sync.Once
	localize := func() { once.Do(func() { a.localize(root) }) }
	root.SetUsageFunc(func(c *cobra.Command) error {
		localize()
		return writeUsage(c.OutOrStderr(), c, a.lang)
	})
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		localize()
		out := c.OutOrStdout()
		if long, ok := a.topics[c]; ok {
			fmt.Fprintln(out, strings.TrimSpace(long()))
			return
		}
		long := strings.TrimSpace(c.Long)
		if c == root {
			long += sandboxHelp(a.lang)
		}
		if long != "" {
			fmt.Fprintln(out, long)
		} else if c.Short != "" {
			fmt.Fprintln(out, c.Short)
		}
		if c.Runnable() || c.HasAvailableSubCommands() {
			fmt.Fprintln(out)
			_ = writeUsage(out, c, a.lang)
		}
	})
	a.localizeNow = localize
}

// localize translates what cobra adds by itself (help flag, help and completion commands).
func (a *App) localize(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpFlag()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = a.text(flagHelp)
		}
		if f := c.Flags().Lookup("version"); f != nil {
			f.Usage = a.text(flagVersion)
		}
		switch c.Name() {
		case "help":
			if c.Parent() == root {
				c.Short = a.text(helpHelpShort)
			}
		case "completion":
			c.Short = a.text(helpCompletionShort)
			c.Long = a.text(helpCompletionLong)
			// Without a shell, or with one cobra has no script for: exit 2 naming the
			// shells (cobra would print this help and exit 0).
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(_ *cobra.Command, args []string) error {
				if len(args) == 0 {
					return usagef("%s", a.text(msgCompletionNoShell))
				}
				return usagef(a.text(msgCompletionBadShell), args[0])
			}
			for _, sh := range c.Commands() {
				sh.Short = fmt.Sprintf(a.text(helpCompletionShell), sh.Name())
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = a.text(flagNoDescriptions)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

var usageWords = map[steps.Lang]map[string]string{
	steps.EN: {"usage": "Usage:", "examples": "Examples:", "commands": "Commands:", "flags": "Flags:",
		"global": "Flags of every command:", "topics": "Help topics:", "more": "Run '%s [command] --help' for more about a command."},
	steps.JA: {"usage": "使い方:", "examples": "例:", "commands": "コマンド:", "flags": "フラグ:",
		"global": "すべてのコマンドに共通のフラグ:", "topics": "ヘルプの項目:", "more": "各コマンドの詳細は'%s [コマンド] --help'で確認できます。"},
}

// writeUsage is cobra's usage frame in the user's language.
func writeUsage(w io.Writer, c *cobra.Command, l steps.Lang) error {
	t := usageWords[l]
	var b strings.Builder
	b.WriteString(t["usage"])
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		cmd := "[command]"
		if l == steps.JA {
			cmd = "[コマンド]"
		}
		b.WriteString("\n  " + c.CommandPath() + " " + cmd)
	}
	if c.HasExample() {
		b.WriteString("\n\n" + t["examples"] + "\n" + strings.TrimRight(c.Example, "\n"))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + t["commands"])
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + t["flags"] + "\n" + flagUsages(c.LocalFlags(), l))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + t["global"] + "\n" + flagUsages(c.InheritedFlags(), l))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\n" + t["topics"])
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + fmt.Sprintf(t["more"], c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// flagUsages is pflag's list of flags, its "(default …)" in the user's language.
func flagUsages(fs *pflag.FlagSet, l steps.Lang) string {
	s := strings.TrimRight(fs.FlagUsages(), " \n")
	if l != steps.JA {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if j := strings.LastIndex(ln, " (default "); j >= 0 && strings.HasSuffix(ln, ")") {
			lines[i] = ln[:j] + "（既定値：" + ln[j+len(" (default "):len(ln)-1] + "）"
		}
	}
	return strings.Join(lines, "\n")
}

// environmentHelp lists every variable the tool reads: the secrets, the API addresses,
// and the mirror of every flag of every command. The descriptions start in one column,
// as wide as the longest name.
func (a *App) environmentHelp(root *cobra.Command) string {
	type section struct {
		title string
		rows  [][2]string
	}
	var secrets, urls, flags section
	secrets.title = a.text(helpEnvSecrets)
	for _, s := range secretInputs() {
		secrets.rows = append(secrets.rows, [2]string{s.env, fmt.Sprintf("%s (--%s)", s.key, s.flag)})
	}
	urls.title = a.text(helpEnvURLs)
	urls.rows = [][2]string{
		{"SETUP_WIZARD_LINE_API_URL", "https://api.line.me"},
		{"SETUP_WIZARD_LINE_ACCESS_URL", "https://access.line.me"},
		{"SETUP_WIZARD_NAVER_NID_URL", "https://nid.naver.com"},
		{"SETUP_WIZARD_NAVER_OPENAPI_URL", "https://openapi.naver.com"},
		{"HTTPS_PROXY", a.text(helpEnvProxy)},
	}
	flags.title = a.text(helpEnvFlags)
	seen := map[string][]string{}
	var add func(c *cobra.Command)
	add = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" || f.Name == "version" || f.Hidden {
				return
			}
			name := c.Name()
			if c == root {
				name = "setup-wizard"
			}
			seen["--"+f.Name] = appendOnce(seen["--"+f.Name], name)
		})
		for _, sub := range c.Commands() {
			if sub.Name() != "completion" && sub.Name() != "help" {
				add(sub)
			}
		}
	}
	add(root)
	names := make([]string, 0, len(seen))
	for f := range seen {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		flags.rows = append(flags.rows, [2]string{envFor(strings.TrimPrefix(f, "--")), fmt.Sprintf("%s (%s)", f, strings.Join(seen[f], ", "))})
	}
	width := 0
	for _, sec := range []section{secrets, urls, flags} {
		for _, r := range sec.rows {
			width = max(width, len(r[0]))
		}
	}
	var b strings.Builder
	b.WriteString(a.text(helpEnvIntro) + "\n")
	for _, sec := range []section{secrets, urls, flags} {
		b.WriteString("\n" + sec.title + "\n")
		for _, r := range sec.rows {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, r[0], r[1])
		}
	}
	b.WriteString("\n" + a.text(helpEnvOther))
	return strings.TrimRight(b.String(), "\n")
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

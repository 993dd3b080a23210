package steps

import (
	"flag"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// fixJASpacing rewrites the texts instead of failing (tests that expect the old texts
// then need the same change): go test ./steps -run JASpacing -fix-ja-spacing
var fixJASpacing = flag.Bool("fix-ja-spacing", false, "remove the spaces between Japanese and Latin text in every Go source")

// TestJASpacing holds every Japanese text of the program to one spacing convention: no
// space between Japanese and Latin letters, digits or signs ("LINEログイン", "友だち追加URL",
// "32文字", "--sandboxなし"). It reads every Go source of the module (tests aside) and
// names each string literal that breaks it. Spaces inside a command in single quotes
// ('setup-wizard verify -c ファイル') and after a shell comment sign are kept, as are runs
// of several spaces (alignment) and spaces after a half-width stop or colon ("1. はじめて",
// YAML's "key: 値"); a value joined on with + counts as Latin.
func TestJASpacing(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if filepath.Base(path) == "jaspacing_test.go" {
			return nil // its own examples break the rule on purpose
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fixed, bad := jaSpacing(path, src)
		rel, _ := filepath.Rel(root, path)
		// One spelling of the customer: お客様 (not お客さま).
		if n := strings.Count(string(src), "お客"+"さま"); n > 0 {
			t.Errorf("%s: %d × お客さま; the texts write お客様", rel, n)
		}
		if *fixJASpacing && len(bad) > 0 {
			return os.WriteFile(path, fixed, 0o644)
		}
		for _, b := range bad {
			t.Errorf("%s:%d: a space between Japanese and Latin text: %s", rel, b.line, b.text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestJASpacingRule(t *testing.T) {
	for in, want := range map[string]string{
		`"LINE ログイン"`:                           `"LINEログイン"`,
		`"友だち追加 URL"`:                           `"友だち追加URL"`,
		`"英数字 32 文字です"`:                         `"英数字32文字です"`,
		`"%s への回答"`:                             `"%sへの回答"`,
		`"Enter を押す"`:                           `"Enterを押す"`,
		`"'setup-wizard verify -c ファイル' で確認"`:   `"'setup-wizard verify -c ファイル'で確認"`,
		"\"\\n  コピー\"":                          "\"\\n  コピー\"",
		`"チャネル "`:                               `"チャネル "`,
		`"a  あ"`:                                `"a  あ"`,
		`"# すべて"`:                               `"# すべて"`,
		`"Press Enter to open 応答設定 in the app"`: `"Press Enter to open 応答設定 in the app"`,
		`"NAVERでは 개발 중 と表示"`:                    `"NAVERでは 개발 중 と表示"`,
		// Raw literals, line by line, without escapes.
		"`--flow の値が TAB で補完\nwith --flow and the rest of it`": "`--flowの値がTABで補完\nwith --flow and the rest of it`",
		"`タブを\\t と書いて`":                                        "`タブを\\tと書いて`",
	} {
		out, _ := jaSpacing("x.go", []byte("package x\nvar s = "+in+"\n"))
		if got := strings.TrimSuffix(strings.TrimPrefix(string(out), "package x\nvar s = "), "\n"); got != want {
			t.Errorf("%s → %s, want %s", in, got, want)
		}
	}
}

type jaSpacingProblem struct {
	line int
	text string
}

// jaSpacing returns src with the convention applied, and the literals that broke it.
func jaSpacing(path string, src []byte) ([]byte, []jaSpacingProblem) {
	fset := token.NewFileSet()
	file := fset.AddFile(path, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	var b strings.Builder
	var bad []jaSpacingProblem
	last := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.STRING {
			continue
		}
		off := file.Offset(pos)
		var content string
		if lit[0] == '`' {
			// A raw literal (a help text) mixes English and Japanese lines, and knows no
			// escapes ("\t " is what the reader sees): each line is read on its own.
			lines := strings.Split(lit[1:len(lit)-1], "\n")
			for i, l := range lines {
				if isJAText(l) {
					lines[i] = jaFixRaw(l, true)
				}
			}
			content = strings.Join(lines, "\n")
		} else if isJAText(lit) {
			content = jaFix(lit[1 : len(lit)-1])
		} else {
			continue
		}
		// A value joined on with + is Latin (an ID, a URL, a name): no space next to it
		// either ("チャネル "+id+" のもの" → "チャネル"+id+"のもの").
		if rs := []rune(content); len(rs) > 1 && rs[len(rs)-1] == ' ' && isJA(rs[len(rs)-2]) &&
			strings.HasPrefix(strings.TrimLeft(string(src[off+len(lit):]), " \t"), "+") {
			content = string(rs[:len(rs)-1])
		}
		if rs := []rune(content); len(rs) > 1 && rs[0] == ' ' && isJA(rs[1]) &&
			strings.HasSuffix(strings.TrimRight(string(src[:off]), " \t"), "+") {
			content = string(rs[1:])
		}
		fixed := lit[:1] + content + lit[len(lit)-1:]
		if fixed == lit {
			continue
		}
		b.Write(src[last:off])
		b.WriteString(fixed)
		last = off + len(lit)
		bad = append(bad, jaSpacingProblem{line: file.Line(pos), text: lit})
	}
	b.Write(src[last:])
	return []byte(b.String()), bad
}

// englishRun finds three lower-case English words in a row: an English text, which may
// quote a console label in Japanese after a space.
var englishRun = regexp.MustCompile(`\b[a-z]{2,}[ ,]+[a-z]{2,} [a-z]{2,}\b`)

// isJAText tells a Japanese text, or a piece of one: kana and no run of English words.
func isJAText(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) }) >= 0 &&
		!englishRun.MatchString(s)
}

// isJA is Japanese script and full-width punctuation (not the ideographic space).
func isJA(r rune) bool {
	return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) || r == 'ー' ||
		(r > 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60)
}

// isLatin is a printable ASCII character other than a space.
func isLatin(r rune) bool { return r > ' ' && r < 0x7f }

// jaFix removes each single space between Japanese and Latin text in content (a literal
// without its quotes), except inside '…' (a command) and after '#'.
func jaFix(content string) string { return jaFixRaw(content, false) }

// jaFixRaw is jaFix for the content of a raw literal (raw: no escapes) or not.
func jaFixRaw(content string, raw bool) string {
	rs := []rune(content)
	out := make([]rune, 0, len(rs))
	quoted, comment := false, false
	for i, r := range rs {
		switch r {
		case '\'':
			quoted = !quoted
		case '#':
			comment = true
		case '\n':
			comment = false
		}
		if r == ' ' && !quoted && !comment && i > 0 && i+1 < len(rs) && rs[i-1] != ' ' && rs[i+1] != ' ' {
			p, n := rs[i-1], rs[i+1]
			escape := !raw && i >= 2 && rs[i-2] == '\\' && (p == 'n' || p == 't') // "\n " starts an indent
			// A space after a half-width stop or colon is punctuation's own ("1. はじめて",
			// "key: 値"), not one between words.
			punct := strings.ContainsRune(".:,;!?", p)
			if !escape && !punct && ((isJA(p) && isLatin(n)) || (isLatin(p) && isJA(n))) {
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// deep is a file nested n levels deep in block style (40,000 levels this way would be
// 800 MB, refused for its size; the attack's shape is the brackets below).
func deep(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\n")
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return []byte(b.String())
}

// laughs is the "billion laughs": ten lines whose aliases expand to 10^9 strings; the
// decoder used to grow past a gigabyte on it and never finish.
func laughs() string {
	var b strings.Builder
	b.WriteString("version: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("x" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.TrimSuffix(strings.Repeat("*a"+string(rune('0'+i-1))+", ", 10), ", ") + "]\n")
	}
	b.WriteString("line:\n  account_name: *a9\n")
	return b.String()
}

// Each of these was read silently wrong, or at great cost, before the loader checked the
// raw text: the BOM became part of the key "\ufeffversion", Latin-1 bytes became U+FFFD, a
// tab vanished from a value, a second document was ignored, deep nesting took gigabytes.
func TestParseRefusesHostileText(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		line int
		en   string // in the English message
		ja   string // in the Japanese message
	}{
		{"byte-order mark", "\ufeffversion: 1\n", 1, "byte-order mark", "BOM"},
		{"Latin-1", "version: 1\nline:\n  account_name: Caf\xe9\n", 3, "not UTF-8", "UTF-8ではない"},
		{"Shift_JIS", "version: 1\nline:\n  account_name: \x83T\x83\x8d\x83\x93\n", 3, "not UTF-8", "UTF-8"},
		{"second document", "version: 1\nline:\n  flow: new\n---\nversion: 1\n", 4, "second YAML document", "2つ目のYAML文書"},
		{"second document after a marker", "---\nversion: 1\n--- \nnaver: {}\n", 3, "second YAML document", "2つ目"},
		{"content after the end marker", "version: 1\n...\nline:\n  flow: new\n", 3, `"..."`, "「...」"},
		{"tab inside a value", "version: 1\nline:\n  account_name: Salon\tExample\n", 3, "tab character", "タブ"},
		{"tab after a colon", "version: 1\nline:\n  account_name:\tSalon\n", 3, "tab character", "タブ"},
		{"tab for indentation", "version: 1\nline:\n\tflow: new\n", 3, "tab character", "タブ"},
		{"raw tab between double quotes", "version: 1\nline:\n  account_name: \"Salon\tExample\"\n  flow: new\n", 3, `write the tab as \t`, "タブ"},
		{"deep block nesting", string(deep(1000)), MaxDepth + 2, "nested more than", "入れ子"},
		{"deep flow nesting", "version: 1\nline: " + strings.Repeat("[", 40000) + "\n", 2, "nested more than", "入れ子"},
		{"deep flow over lines", "version: 1\nline:\n" + strings.Repeat("  [\n", 40000), MaxDepth + 1, "nested more than", "入れ子"},
		{"deep items", "version: 1\nx:\n" + strings.Repeat("- ", 40000) + "a\n", 3, "nested more than", "入れ子"},
		{"second document after a directive", "%YAML 1.2\n---\nversion: 1\n---\nnaver: {}\n", 4, "second YAML document", "2つ目"},
		{"second document after CR line ends", "version: 1\rline:\r  flow: new\r---\rversion: 1\rline:\r  flow: switch\r", 4, "second YAML document", "2つ目のYAML文書"},
		{"second document after CRLF line ends", "version: 1\r\nline:\r\n  flow: new\r\n---\r\nnaver: {}\r\n", 4, "second YAML document", "2つ目"},
		{"tab on a CR line", "version: 1\rline:\r  account_name: Salon\tExample\r", 3, "tab character", "タブ"},
		{"NUL on a CR line", "version: 1\rline:\r  account_name: Salon\x00\r", 3, "NUL character", "NUL文字"},
		{"raw NUL in a value", "version: 1\nline:\n  account_name: Salon\x00Example\n", 3, "NUL character", "NUL文字"},
		{"raw NUL in a secret", "version: 1\nline:\n  flow: new\n  messaging_api:\n    channel_secret: \"abc\x00def\"\n", 5, "NUL character", "NUL文字"},
		{"UTF-16 without BOM", "v\x00e\x00r\x00", 1, "UTF-16", "UTF-16"},
		{"NUL written \\0", "version: 1\nline:\n  account_name: \"Salon\\0Example\"\n", 3, "line.account_name has a NUL character", "line.account_nameにNUL文字"},
		{"NUL written \\x00", "version: 1\nline:\n  login:\n    callback_url: \"https://a.example/cb\\x00\"\n", 4, "line.login.callback_url has a NUL", "NUL文字"},
		{"NUL written \\u0000 in a flow list", "version: 1\nnaver:\n  pc_web: {service_url: \"https://a.example\", callback_urls: [\"https://a.example/\\u0000x\"]}\n", 3, "naver.pc_web.callback_urls has a NUL", "NUL文字"},
		{"alias bomb (billion laughs)", laughs(), 2, "anchor or alias", "エイリアス"},
		{"an alias", "version: 1\nline:\n  account_name: &n Salon\n  provider_name: *n\n", 3, "anchor or alias", "エイリアス"},
		{"an unquoted value starting with *", "version: 1\nline:\n  account_name: *Salon\n", 3, "double quotes", "ダブルクォート"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("shop.yaml", []byte(c.in))
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("want a *LoadError, got %T %v", err, err)
			}
			if le.Line != c.line {
				t.Errorf("line %d, want %d: %v", le.Line, c.line, err)
			}
			en, ja := le.Message("en"), le.Message("ja")
			if !strings.Contains(en, c.en) || !strings.HasPrefix(en, "shop.yaml:") {
				t.Errorf("English %q lacks %q or the file name", en, c.en)
			}
			if !strings.Contains(ja, c.ja) || !strings.HasPrefix(ja, "shop.yaml:") {
				t.Errorf("Japanese %q lacks %q or the file name", ja, c.ja)
			}
		})
	}
}

// What looks like the attacks above but is fine YAML loads, and loads exactly.
func TestParseKeepsWhatIsFine(t *testing.T) {
	for _, c := range []struct {
		name, in, key, want string
	}{
		{"escaped tab", "version: 1\nline:\n  account_name: \"Salon\\tExample\"\n  flow: new\n", "line.account_name", "Salon\tExample"},
		{"tab in single quotes", "version: 1\nline:\n  account_name: 'Salon\tExample'\n  flow: new\n", "line.account_name", "Salon\tExample"},
		{"tab in a comment", "version: 1\nline:\n  account_name: Salon # a\tcomment\n", "line.account_name", "Salon"},
		{"trailing tab", "version: 1\nline:\n  account_name: Salon\t\n", "line.account_name", "Salon"},
		{"tab in a block scalar", "version: 1\nline:\n  account_name: |-\n    Salon\tExample\n  flow: new\n", "line.account_name", "Salon\tExample"},
		{"leading document marker", "---\nversion: 1\nline:\n  flow: new\n", "line.flow", "new"},
		{"end marker at the end", "version: 1\nline:\n  flow: new\n...\n# done\n", "line.flow", "new"},
		{"brackets in a plain value", "version: 1\nline:\n  account_name: a[[[[[[[[[[[[[[[[[[[[[[[[[[[b\n", "line.account_name", "a[[[[[[[[[[[[[[[[[[[[[[[[[[[b"},
		{"a flow list", "version: 1\nnaver:\n  pc_web: {callback_urls: [\"https://a.example\", 'https://b.example']}\n", "naver.pc_web.callback_urls", "https://a.example\nhttps://b.example"},
		{"Japanese", "version: 1\nline:\n  account_name: サロン・エグザンプル\n", "line.account_name", "サロン・エグザンプル"},
		{"a directive before the document", "%YAML 1.2\n---\nversion: 1\nline:\n  flow: new\n", "line.flow", "new"},
		{"CR line ends", "version: 1\rline:\r  flow: new\r  account_name: Salon\r", "line.account_name", "Salon"},
		{"backslash zero in single quotes", "version: 1\nline:\n  account_name: 'Salon\\0Example'\n", "line.account_name", "Salon\\0Example"},
		{"& and * inside values", "version: 1\nline:\n  account_name: \"*Star & Co\"\n  provider_name: A&B *x\n", "line.provider_name", "A&B *x"},
		{"& and * quoted", "version: 1\nline:\n  account_name: '&Salon*'\n", "line.account_name", "&Salon*"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := Parse("shop.yaml", []byte(c.in))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if got := cfg.Get(c.key); got != c.want {
				t.Errorf("%s = %q, want %q", c.key, got, c.want)
			}
		})
	}
}

// Every file Marshal writes passes the raw-text checks, the deepest one included.
func TestMarshalPassesPrescan(t *testing.T) {
	c, _ := FromValues(full())
	c.Verification = &Verification{Results: []Result{{ID: "line.token", Status: "pass", Message: "ok\tquoted", Detail: "a\nb"}}}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := prescan("x.yaml", b); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
}

// An answers file that is a directory or cannot be read is the user's mistake (exit 2),
// told as a LoadError naming the file, not an unexpected error.
func TestLoadAnswersUnreadable(t *testing.T) {
	dir := t.TempDir()
	var le *LoadError
	if _, err := LoadAnswers(dir); !errors.As(err, &le) || !strings.Contains(err.Error(), "a directory") {
		t.Errorf("directory: %v", err)
	}
	if _, err := ReadSecretFile(dir); !errors.As(err, &le) {
		t.Errorf("secret directory: %v", err)
	}
	if _, err := LoadAnswers(filepath.Join(dir, "absent")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent: %v", err)
	}
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		return // root reads every file
	}
	p := filepath.Join(dir, "locked.yaml")
	if err := os.WriteFile(p, []byte("version: 1\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadAnswers(p); !errors.As(err, &le) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("unreadable: %v", err)
	}
}

func TestReadSecretFile(t *testing.T) {
	dir := t.TempDir()
	for in, want := range map[string]string{"abc\n": "abc", "abc\r\n": "abc", "abc": "abc"} {
		p := filepath.Join(dir, "s")
		os.WriteFile(p, []byte(in), 0o600)
		if got, err := ReadSecretFile(p); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	p := filepath.Join(dir, "bom")
	os.WriteFile(p, []byte("\ufeffabc\n"), 0o600)
	if _, err := ReadSecretFile(p); err == nil || !strings.Contains(err.Error(), "byte-order mark") {
		t.Errorf("BOM: %v", err)
	}
	p = filepath.Join(dir, "nul")
	os.WriteFile(p, []byte("abc\x00def\n"), 0o600)
	if _, err := ReadSecretFile(p); err == nil || !strings.Contains(err.Error(), "NUL character") {
		t.Errorf("NUL: %v", err)
	}
}

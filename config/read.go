package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits on what is read. A config or answers file is a few kilobytes and nested four
// levels deep; anything far beyond is a mistake or an attack, refused before the YAML
// decoder (which needs gigabytes for a file nested 40,000 levels deep) sees it.
const (
	MaxFileSize   = 2 << 20  // config and answers files
	MaxSecretSize = 64 << 10 // --…-file secrets: a token is under 200 characters
	MaxDepth      = 20       // nesting levels; the schema needs at most 5
)

// Load reads and checks the config file at path (-c). Only a regular file is read: a FIFO,
// a device, a socket or a directory is refused without blocking on it. A missing file
// gives an error for which errors.Is(err, fs.ErrNotExist) holds.
func Load(path string) (*Config, error) {
	b, err := readConfigFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, b)
}

// LoadAnswers reads and checks an --answers file. Unlike the config file it may be a pipe
// (--answers <(…) or /dev/stdin); what it may not be is bigger than MaxFileSize.
func LoadAnswers(path string) (*Config, error) {
	b, err := readCapped(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, b)
}

// ReadSecretFile reads a secret from a --…-file: at most MaxSecretSize bytes of UTF-8
// without a byte-order mark. A trailing new line is not part of the secret.
func ReadSecretFile(path string) (string, error) {
	b, err := readCapped(path, MaxSecretSize)
	if err != nil {
		return "", err
	}
	if err := checkEncoding(path, b); err != nil {
		return "", err
	}
	if err := checkNUL(path, b); err != nil {
		return "", err
	}
	return string(bytes.TrimRight(b, "\r\n")), nil
}

// readCapped reads at most max bytes of path, of any kind but a directory; more is an
// error, found after reading max+1 bytes, so /dev/zero fails at once.
func readCapped(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, kindError(path, fi.Mode())
	}
	return readAll(path, f, max)
}

func readAll(path string, r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &LoadError{Path: path,
			Msg:   fmt.Sprintf("cannot be read (%v). Check the path and that you may read it.", errText(err)),
			MsgJA: fmt.Sprintf("読み込めません（%v）。パスと読み取り権限を確認してください。", errText(err))}
	}
	if int64(len(b)) > max {
		return nil, &LoadError{Path: path,
			Msg:   fmt.Sprintf("is larger than %s, far more than a setup-wizard file or secret holds. Point the flag at the right file.", sizeWords(max)),
			MsgJA: fmt.Sprintf("%sを超えています。setup-wizardのファイルや秘密の値としては大きすぎます。正しいファイルを指定してください。", sizeWords(max))}
	}
	return b, nil
}

// openError turns a failure to open into a message naming the file; a missing file keeps
// fs.ErrNotExist so that callers can tell it apart.
func openError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if errors.Is(err, fs.ErrPermission) {
		return &LoadError{Path: path, Err: err,
			Msg:   "cannot be read: permission denied. Give your user read access (chmod u+r) or run as the file's owner.",
			MsgJA: "読み込めません：権限がありません。読み取り権限を付ける（chmod u+r）か、ファイルの所有者として実行してください。"}
	}
	return &LoadError{Path: path, Err: err,
		Msg:   fmt.Sprintf("cannot be opened (%v). Check the path.", errText(err)),
		MsgJA: fmt.Sprintf("開けません（%v）。パスを確認してください。", errText(err))}
}

// errText is the system's reason without the path, which the message names already.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func sizeWords(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// kindError refuses a path that is not a regular file.
func kindError(path string, m fs.FileMode) error {
	en, ja := "a special file", "特殊ファイル"
	switch {
	case m.IsDir():
		en, ja = "a directory", "ディレクトリ"
	case m&fs.ModeNamedPipe != 0:
		en, ja = "a named pipe (FIFO)", "名前付きパイプ（FIFO）"
	case m&fs.ModeSocket != 0:
		en, ja = "a socket", "ソケット"
	case m&fs.ModeCharDevice != 0:
		en, ja = "a character device", "キャラクタデバイス"
	case m&fs.ModeDevice != 0:
		en, ja = "a device", "デバイス"
	}
	return &LoadError{Path: path, NotRegular: true,
		Msg:   fmt.Sprintf("is %s, not a file: setup-wizard reads and writes only regular files. Name a file (it may not exist yet), for example -c ./setup-wizard.yaml.", en),
		MsgJA: fmt.Sprintf("%sで、通常のファイルではありません。setup-wizardが読み書きするのは通常のファイルだけです。ファイル名を指定してください（まだ無くても構いません）。例：-c ./setup-wizard.yaml", ja)}
}

// checkEncoding refuses a byte-order mark and bytes that are not UTF-8, naming the line:
// decoding them anyway would silently turn "Café" written in Latin-1 into "Caf\uFFFD".
func checkEncoding(name string, b []byte) error {
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		return &LoadError{Path: name, Line: 1,
			Msg:   "starts with a byte-order mark (BOM). Save the file as UTF-8 without BOM (in Notepad: \"UTF-8\", not \"UTF-8 with BOM\").",
			MsgJA: "先頭にバイトオーダーマーク（BOM）があります。BOMなしのUTF-8で保存し直してください（メモ帳なら「UTF-8（BOM付き）」ではなく「UTF-8」）。"}
	}
	if utf8.Valid(b) {
		return nil
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		off += n
	}
	return &LoadError{Path: name, Line: bytes.Count(b[:off], []byte("\n")) + 1,
		Msg:   fmt.Sprintf("has a byte (0x%02X) that is not UTF-8: the file was probably saved as Latin-1 or Shift_JIS. Save it as UTF-8.", b[off]),
		MsgJA: fmt.Sprintf("UTF-8ではないバイト（0x%02X）があります。Latin-1やShift_JISで保存された可能性があります。UTF-8で保存し直してください。", b[off])}
}

// CheckText is every check of a file's raw text that comes before YAML parsing: no BOM,
// UTF-8 only, no NUL character, the nesting depth, tabs, a single document (see prescan),
// no anchor or alias (see checkAliases).
// Config and answers files go through it, and so do platform profiles.
func CheckText(name string, b []byte) error {
	if bytes.IndexByte(b, '\r') >= 0 {
		// YAML breaks lines at a lone CR too (old Mac files): the checks, which read line by
		// line, see the lines the decoder sees, and name them as it counts them.
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if err := checkEncoding(name, b); err != nil {
		return err
	}
	if err := checkNUL(name, b); err != nil {
		return err
	}
	if err := prescan(name, b); err != nil {
		return err
	}
	return checkAliases(name, b)
}

// nulError names the line (and, when known, the key) of a NUL character: it is valid
// UTF-8 and YAML's decoder keeps it (also written as \0, \x00 or \u0000 between double
// quotes), yet no value can hold one: C strings, headers and terminals cut the value there.
func nulError(name string, line int, key string) error {
	what, whatJA := "has", ""
	if key != "" {
		what, whatJA = key+" has", key+"に"
	}
	return &LoadError{Path: name, Line: line,
		Msg:   what + ` a NUL character (byte 0, or written \0, \x00 or \u0000), which no value may hold. Delete it; a file full of them was probably saved as UTF-16: save it as UTF-8.`,
		MsgJA: whatJA + `NUL文字（バイト0、または\0・\x00・\u0000と書いたもの）があります。値には使えません。削除してください。NUL文字だらけのファイルはUTF-16で保存された可能性があるので、UTF-8で保存し直してください。`}
}

// checkNUL refuses a raw NUL byte, naming its line.
func checkNUL(name string, b []byte) error {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nulError(name, bytes.Count(b[:i], []byte("\n"))+1, "")
	}
	return nil
}

// nulInValues refuses a value that decoded to hold a NUL (an escape: the raw byte is
// refused before), naming its key and the key's line, else the line of the first escape.
func nulInValues(name string, b []byte, c *Config) error {
	var keys []string
	for k, v := range c.Values() {
		if strings.ContainsRune(v, 0) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	line := lineOf(b, keys[0][strings.LastIndexByte(keys[0], '.')+1:])
	if line == 0 {
		if loc := regexp.MustCompile(`\\(0|x00|u0000|U00000000)`).FindIndex(b); loc != nil {
			line = bytes.Count(b[:loc[0]], []byte("\n")) + 1
		}
	}
	return nulError(name, line, keys[0])
}

// readConfigFile reads the -c file: a regular file of at most MaxFileSize bytes. The kind
// is checked before opening (opening a device can have effects of its own) and again on
// the open file.
func readConfigFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, kindError(path, fi.Mode())
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, kindError(path, fi.Mode())
	}
	return readAll(path, f, MaxFileSize)
}

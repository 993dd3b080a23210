package config

import (
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"
)

// checkAliases refuses YAML anchors and aliases (&name, *name). No setup-wizard file needs
// them, and the decoder expands every alias in place: ten lines of aliases to aliases
// ("billion laughs", under 1 KB) grow past a gigabyte and never finish. Read with the
// lexer alone, which allocates per token and expands nothing. A value that is meant to
// start with & or * only has to be quoted.
func checkAliases(name string, b []byte) error {
	for _, tk := range lexer.Tokenize(string(b)) {
		if tk.Type != token.AnchorType && tk.Type != token.AliasType {
			continue
		}
		line := 0
		if tk.Position != nil {
			line = tk.Position.Line
		}
		return &LoadError{Path: name, Line: line,
			Msg:   `has a YAML anchor or alias (a value starting with & or *), which setup-wizard files do not use. Write each value out; if the value itself starts with & or *, put it in double quotes.`,
			MsgJA: `YAMLのアンカーかエイリアス（&や*で始まる値）があります。setup-wizardのファイルでは使いません。値はそれぞれそのまま書いてください。値そのものが&や*で始まる場合は、ダブルクォートで囲んでください。`}
	}
	return nil
}

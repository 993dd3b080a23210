package config

import (
	"bytes"
	"fmt"
)

// prescan looks at the raw text once, in linear time and without allocating per level,
// for what the YAML decoder would either choke on or silently get wrong:
//   - nesting deeper than MaxDepth (block indentation, "- " items and [ { brackets
//     together): the decoder needs gigabytes and seconds for 40,000 levels;
//   - a tab outside quotes, comments and block scalars that is followed by more text on
//     its line: the decoder drops it from the value without a word ("a\tb" becomes "ab");
//     and a raw tab between double quotes, after which it misreads the mapping;
//   - a second document after "---" or "...": the decoder reads the first and ignores
//     the rest.
//
// It over-counts rather than under-counts depth in odd corners (a plain scalar continued
// on deeper-indented lines); MaxDepth leaves room for that.
func prescan(name string, b []byte) error {
	var (
		stack       []int // indentations of the open block collections
		flow        int   // depth of [ and { brackets
		quote       byte  // '"' or '\'' while inside a quoted scalar
		blockIndent = -1  // ≥ 0 while inside a | or > block scalar: its parent's indentation
		content     bool  // a document has begun
		ended       bool  // "..." closed it
	)
	tabError := func(line int) error {
		return &LoadError{Path: name, Line: line,
			Msg:   `has a tab character outside quotes (or typed as is between double quotes); YAML would drop it without a word or misread the line. Replace it with spaces, or, if the tab belongs to the value, put the value in double quotes and write the tab as \t.`,
			MsgJA: `引用符の外（またはダブルクォートの中にそのまま）タブ文字があります。YAMLではこのタブは黙って消されるか、行が誤って読まれます。スペースに置き換えるか、タブが値の一部であれば値をダブルクォートで囲み、タブを\tと書いてください。`}
	}
	tooDeep := func(line int) error {
		return &LoadError{Path: name, Line: line,
			Msg:   fmt.Sprintf("is nested more than %d levels deep; a setup-wizard file needs at most 5. Check the indentation against the schema in the README.", MaxDepth),
			MsgJA: fmt.Sprintf("入れ子が%d段を超えています。setup-wizardのファイルは5段までです。READMEのスキーマと見比べてインデントを確認してください。", MaxDepth)}
	}
	lineNo := 0
	for rest := b; len(rest) > 0; {
		lineNo++
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		l = bytes.TrimSuffix(l, []byte("\r"))
		indent := 0
		for indent < len(l) && l[indent] == ' ' {
			indent++
		}
		blank := indent == len(l) || l[indent] == '#'
		if blockIndent >= 0 {
			if blank || indent > blockIndent {
				continue // the block scalar's text, kept exactly, tabs and all
			}
			blockIndent = -1
		}
		i := 0
		if quote == 0 && flow == 0 {
			if blank {
				continue
			}
			if indent == 0 && l[0] == '%' && !content && !ended {
				continue // a directive (%YAML 1.2) before the document's "---": not content
			}
			if indent == 0 && (isMarker(l, "---") || isMarker(l, "...")) {
				if l[0] == '-' && (content || ended) {
					return &LoadError{Path: name, Line: lineNo,
						Msg:   "starts a second YAML document; setup-wizard reads one document per file and would ignore the rest. Delete the line and merge the sections into one document, or split them into two files.",
						MsgJA: "2つ目のYAML文書が始まっています。setup-wizardは1ファイルにつき1文書だけを読み、残りは無視されてしまいます。この行を消して1つの文書にまとめるか、ファイルを分けてください。"}
				}
				if l[0] == '.' {
					ended = true
				}
				if len(l) == 3 {
					continue
				}
				i = 4 // "--- value" on the marker's line
			} else {
				if ended {
					return &LoadError{Path: name, Line: lineNo,
						Msg:   `follows the end of the document ("..."); setup-wizard would ignore it. Delete the "..." line or what follows it.`,
						MsgJA: "文書の終わり（「...」）の後に続きがあり、無視されてしまいます。「...」の行か、その後ろを消してください。"}
				}
				i = indent
			}
			content = true
			for len(stack) > 0 && stack[len(stack)-1] > indent {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 || stack[len(stack)-1] < indent {
				stack = append(stack, indent)
			}
			// "- " and "? " open a nested collection each: "- - - x" is three levels.
			for i < len(l) && (l[i] == '-' || l[i] == '?') && (i+1 == len(l) || l[i+1] == ' ') {
				i++
				for i < len(l) && l[i] == ' ' {
					i++
				}
				stack = append(stack, i)
				if len(stack) > MaxDepth {
					return tooDeep(lineNo)
				}
			}
			if len(stack) > MaxDepth {
				return tooDeep(lineNo)
			}
		}
		nodeStart := quote == 0
		for ; i < len(l); i++ {
			c := l[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\t':
					// The decoder misreads the rest of the mapping after a raw tab
					// between double quotes; \t is read right.
					return tabError(lineNo)
				case quote == '"' && c == '\\':
					i++ // an escaped character, perhaps \"
				case c == quote && quote == '\'' && i+1 < len(l) && l[i+1] == '\'':
					i++ // '' is a quote inside single quotes
				case c == quote:
					quote = 0
				}
				continue
			}
			switch {
			case c == ' ':
				continue
			case c == '\t':
				j := i
				for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
					j++
				}
				if j == len(l) || l[j] == '#' {
					i = j - 1
					continue // trailing white space: YAML drops it, and so would anyone
				}
				return tabError(lineNo)
			case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
				i = len(l) // a comment
				continue
			case nodeStart && (c == '"' || c == '\''):
				quote = c
			case c == '[' || c == '{':
				if nodeStart || flow > 0 {
					flow++
					if len(stack)+flow > MaxDepth {
						return tooDeep(lineNo)
					}
					nodeStart = true
					continue
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ',' && flow > 0:
				nodeStart = true
				continue
			case c == ':' && (i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' || (flow > 0 && (l[i+1] == ',' || l[i+1] == ']' || l[i+1] == '}'))):
				nodeStart = true
				continue
			case nodeStart && flow == 0 && (c == '|' || c == '>'):
				blockIndent = indent
				i = len(l)
				continue
			case nodeStart && (c == '&' || c == '!'):
				// an anchor or a tag before the node: the node starts after it
				for i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' {
					i++
				}
				continue
			}
			nodeStart = false
		}
	}
	return nil
}

// isMarker tells a document marker line: "---" or "..." alone or followed by a space.
func isMarker(l []byte, m string) bool {
	return bytes.HasPrefix(l, []byte(m)) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t')
}

package steps

import "testing"

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Salon Example", "Salon Example"},
		{"サロン", "サロン"},
		{"bad\x1b[2J\x1b[31mred\x1b[0m", "badred"},
		{"title\x1b]0;pwned\x07 end", "title end"},
		{"bell\x07 cr\roverwrite", "bell croverwrite"},
		{"two\nlines\tand tab", "two lines and tab"},
		{"\u202eevil", "evil"},
		{"c1 \u009b31m csi", "c1 31m csi"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	f.Add("plain")
	f.Add("\x1b[31mred\x1b[0m\x07")
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		for _, r := range out {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("Clean(%q) kept control %U", s, r)
			}
		}
	})
}

func TestFieldDisplay(t *testing.T) {
	choice := Field{Kind: KindChoice, Options: []Option{{Value: "cafe24", Label: T("Cafe24", "Cafe24（カフェ24）")}}}
	for _, c := range []struct {
		f    Field
		v    string
		l    Lang
		want string
	}{
		{choice, "cafe24", JA, "Cafe24（カフェ24）"},
		{choice, "other", EN, "other"},
		{Field{Kind: KindConfirm}, "true", JA, "はい"},
		{Field{Kind: KindConfirm}, "false", EN, "no"},
		{Field{Kind: KindList}, "https://a.com\nhttps://b.com", EN, "https://a.com, https://b.com"},
		{Field{Kind: KindText}, "Salon", EN, "Salon"},
	} {
		if got := c.f.Display(c.v, c.l); got != c.want {
			t.Errorf("Display(%q, %s) = %q, want %q", c.v, c.l, got, c.want)
		}
	}
}

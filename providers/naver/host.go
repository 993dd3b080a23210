package naver

import (
	"net/url"
	"strings"

	"golang.org/x/net/idna"
)

// Host names go through IDNA (golang.org/x/net/idna, UTS #46 lookup mapping): full-width
// letters and dots typed on Japanese and Korean keyboards, upper case and ideographic full
// stops become the plain name (ｓａｍｐｌｅ．ｃｏｍ is sample.com), and internationalised
// names are compared in the ASCII form browsers send, so "한국.kr" and "xn--3e0b707e.kr"
// are one domain.

// asciiHost is host in the ASCII form browsers send, lower case, without a trailing dot.
// ok is false when it is not a host name (empty labels, characters a domain cannot hold).
func asciiHost(host string) (string, bool) {
	a, err := idna.Lookup.ToASCII(strings.TrimSpace(host))
	if err != nil {
		return "", false
	}
	a = strings.TrimSuffix(a, ".")
	if a == "" || len(a) > 253 {
		return "", false
	}
	for _, l := range strings.Split(a, ".") {
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "", false
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return "", false
			}
		}
	}
	return a, true
}

// displayHost is how a host is shown and written: in Unicode (한국.kr, sample.com for a
// full-width ｓａｍｐｌｅ．ｃｏｍ), and in its xn-- form only when it was typed so.
func displayHost(typed, ascii string) string {
	if strings.Contains(strings.ToLower(typed), "xn--") {
		return ascii
	}
	u, err := idna.Display.ToUnicode(ascii)
	if err != nil {
		return ascii
	}
	return u
}

// widthMapped reports whether s holds characters that IDNA maps to others of the same
// look: full-width letters, digits and dots, or the ideographic full stop.
func widthMapped(s string) bool {
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3002 || r == 0xFF61 {
			return true
		}
	}
	return false
}

// plainURL is raw with its host as displayHost shows it (full-width typing undone), or
// "" when raw has no readable host.
func plainURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	a, ok := asciiHost(u.Hostname())
	if !ok {
		return ""
	}
	h := displayHost(u.Hostname(), a)
	if p := u.Port(); p != "" {
		h += ":" + p
	}
	u.Host = h
	return u.String()
}

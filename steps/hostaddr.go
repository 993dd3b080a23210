package steps

import (
	"net/netip"
	"strconv"
	"strings"
)

// numericHost reads h the way browsers and inet_aton do when its last label is a number:
// one to four parts, each decimal, octal (leading 0) or hex (0x), the last filling the
// bytes left: 127.1, 0x7f000001, 2130706433 and 0177.0.0.1 are all 127.0.0.1. numeric is
// false for an ordinary host name; ok is false for a number that is no address.
func numericHost(h string) (addr netip.Addr, numeric, ok bool) {
	h = strings.TrimSuffix(h, ".")
	parts := strings.Split(h, ".")
	last := parts[len(parts)-1]
	if !isNumberLabel(last) {
		return netip.Addr{}, false, false
	}
	if len(parts) > 4 {
		return netip.Addr{}, true, false
	}
	var vals []uint64
	for _, p := range parts {
		if !isNumberLabel(p) {
			return netip.Addr{}, true, false
		}
		v, err := parseNumberLabel(p)
		if err != nil {
			return netip.Addr{}, true, false
		}
		vals = append(vals, v)
	}
	var n uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 255 {
			return netip.Addr{}, true, false
		}
		n |= v << (8 * (3 - i))
	}
	rest := vals[len(vals)-1]
	if rest >= 1<<(8*(5-len(vals))) {
		return netip.Addr{}, true, false
	}
	n |= rest
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true, true
}

func isNumberLabel(p string) bool {
	if p == "" {
		return false
	}
	lp := strings.ToLower(p)
	if strings.HasPrefix(lp, "0x") {
		for _, c := range lp[2:] {
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
		return true
	}
	for _, c := range p {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func parseNumberLabel(p string) (uint64, error) {
	lp := strings.ToLower(p)
	switch {
	case strings.HasPrefix(lp, "0x"):
		if len(lp) == 2 {
			return 0, nil
		}
		return strconv.ParseUint(lp[2:], 16, 64)
	case len(p) > 1 && p[0] == '0':
		return strconv.ParseUint(p[1:], 8, 64)
	}
	return strconv.ParseUint(p, 10, 64)
}

// nonPublicPrefixes are address ranges no server on the internet answers from, or that
// lead into the operator's own network: RFC 6890 special-purpose, shared (CGNAT),
// benchmarking, reserved, multicast, NAT64 local use, Teredo, ORCHID, discard. The
// documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32)
// are left to pass: they are the usual stand-ins for a public address in examples.
var nonPublicPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
		"172.16.0.0/12", "192.0.0.0/24", "192.88.99.0/24", "192.168.0.0/16",
		"198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
		"::/128", "::1/128", "100::/64", "64:ff9b:1::/48", "2001::/32", "2001:2::/48",
		"2001:10::/28", "2001:20::/28", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// publicAddr reports whether a server on the internet can have ip. Addresses that embed
// an IPv4 address (IPv4-mapped and -compatible, NAT64 64:ff9b::/96, 6to4) are judged by it.
func publicAddr(ip netip.Addr) bool {
	ip = ip.WithZone("")
	if ip.Is4In6() {
		ip = ip.Unmap()
	}
	if ip.Is6() {
		b := ip.As16()
		switch {
		case netip.MustParsePrefix("64:ff9b::/96").Contains(ip), netip.MustParsePrefix("::/96").Contains(ip):
			return publicAddr(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case netip.MustParsePrefix("2002::/16").Contains(ip):
			return publicAddr(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	for _, p := range nonPublicPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return ip.IsGlobalUnicast()
}

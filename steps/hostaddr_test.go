package steps

import (
	"fmt"
	"net/netip"
	"testing"
)

// FuzzHostSpellings: however an IPv4 address is spelt (dotted decimal, one number in
// decimal, hex or octal, short forms, mixed radix), IsLocalHost judges it as it judges the
// dotted-quad form, which netip reads.
func FuzzHostSpellings(f *testing.F) {
	f.Add(uint32(0x7f000001), uint8(0))
	f.Add(uint32(0x64400001), uint8(3))
	f.Add(uint32(0x08080808), uint8(5))
	f.Add(uint32(0xc0a80101), uint8(7))
	f.Fuzz(func(t *testing.T, n uint32, style uint8) {
		b := [4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
		want := IsLocalHost(netip.AddrFrom4(b).String())
		var s string
		switch style % 8 {
		case 0:
			s = fmt.Sprint(n)
		case 1:
			s = fmt.Sprintf("0x%x", n)
		case 2:
			s = fmt.Sprintf("0%o", n)
		case 3:
			s = fmt.Sprintf("%d.%d", b[0], n&0xffffff)
		case 4:
			s = fmt.Sprintf("%d.%d.%d", b[0], b[1], n&0xffff)
		case 5:
			s = fmt.Sprintf("0x%x.0%o.%d.0x%X", b[0], b[1], b[2], b[3])
		case 6:
			s = fmt.Sprintf("0%o.0%o.0%o.0%o.", b[0], b[1], b[2], b[3])
		case 7:
			s = fmt.Sprintf("[::ffff:%d.%d.%d.%d]", b[0], b[1], b[2], b[3])
		}
		if got := IsLocalHost(s); got != want {
			t.Fatalf("IsLocalHost(%q) = %t, but %s is %t", s, got, netip.AddrFrom4(b), want)
		}
		if ip, numeric, ok := numericHost(s); style%8 != 7 && (!numeric || !ok || ip != netip.AddrFrom4(b)) {
			t.Fatalf("numericHost(%q) = %v %t %t", s, ip, numeric, ok)
		}
	})
}

package naver

import (
	"errors"
	"strings"
)

// The standard library has no IDNA and go.mod may not grow, so internationalised shop
// domains (한국.kr, bücher.de) are turned into their ASCII form here with Punycode
// (RFC 3492). Browsers send that form, and comparing hosts in one form keeps "한국.kr" and
// "xn--3e0b707e.kr" from counting as two domains.

const (
	pyBase        = 36
	pyTMin        = 1
	pyTMax        = 26
	pySkew        = 38
	pyDamp        = 700
	pyInitialBias = 72
	pyInitialN    = 128
)

var errPunycodeOverflow = errors.New("punycode: label too long")

func pyAdapt(delta, numPoints int, first bool) int {
	if first {
		delta /= pyDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := 0
	for delta > ((pyBase-pyTMin)*pyTMax)/2 {
		delta /= pyBase - pyTMin
		k += pyBase
	}
	return k + (pyBase-pyTMin+1)*delta/(delta+pySkew)
}

func pyDigit(d int) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// punyEncode encodes one label (without the "xn--" prefix).
func punyEncode(label string) (string, error) {
	runes := []rune(label)
	if len(runes) > 63 {
		return "", errPunycodeOverflow
	}
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := pyInitialN, 0, pyInitialBias
	for h < len(runes) {
		m := int(^uint32(0) >> 1)
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) != n {
				continue
			}
			q := delta
			for k := pyBase; ; k += pyBase {
				t := k - bias
				if t < pyTMin {
					t = pyTMin
				} else if t > pyTMax {
					t = pyTMax
				}
				if q < t {
					break
				}
				out = append(out, pyDigit(t+(q-t)%(pyBase-t)))
				q = (q - t) / (pyBase - t)
			}
			out = append(out, pyDigit(q))
			bias = pyAdapt(delta, h+1, h == b)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return string(out), nil
}

// asciiHost lower-cases host and encodes every label that is not ASCII. ok is false when
// the result is not a host name (empty labels, characters a domain cannot hold).
func asciiHost(host string) (string, bool) {
	host = strings.ToLower(strings.TrimSpace(host))
	// Ideographic and full-width full stops, as typed on Japanese and Korean keyboards.
	host = strings.NewReplacer("。", ".", "．", ".", "｡", ".").Replace(host)
	host = strings.TrimSuffix(host, ".")
	if host == "" || len(host) > 253*4 {
		return "", false
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if l == "" {
			return "", false
		}
		ascii := true
		for _, r := range l {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			enc, err := punyEncode(l)
			if err != nil {
				return "", false
			}
			l = "xn--" + enc
		}
		if len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return "", false
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return "", false
			}
		}
		labels[i] = l
	}
	out := strings.Join(labels, ".")
	if len(out) > 253 {
		return "", false
	}
	return out, true
}

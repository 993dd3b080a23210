package fakeapi

import (
	"testing"
	"unicode"
)

// Every knob is described in both languages: --help --lang ja lists them in Japanese.
func TestKnobsHaveJapaneseHelp(t *testing.T) {
	for _, k := range append(LINEKnobs(), NAVERKnobs()...) {
		if k.Help == "" {
			t.Errorf("%s: no English description", k.Name)
		}
		japanese := false
		for _, r := range k.HelpJA {
			japanese = japanese || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
		}
		if !japanese {
			t.Errorf("%s: no Japanese description (HelpJA %q)", k.Name, k.HelpJA)
		}
	}
}

package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/setup-wizard/setup-wizard/steps"
)

// keyMap holds every key the screen answers to. Letter keys (o, c, g, l, ?) only act while
// no text field has the focus, where they would be typed instead; their ctrl variants
// work everywhere.
type keyMap struct {
	Next   key.Binding
	Back   key.Binding
	Open   key.Binding
	Link   key.Binding
	Copy   key.Binding
	Reveal key.Binding
	Jump   key.Binding
	Again  key.Binding // check again, on the step a failure sent the operator to
	GoOn   key.Binding // continue anyway while checks fail
	Up     key.Binding
	Down   key.Binding
	Scroll key.Binding
	Help   key.Binding
	Quit   key.Binding
	Close  key.Binding
}

func newKeyMap(l steps.Lang) keyMap {
	return keyMap{
		Next:   key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter/tab", txtKeyNext.In(l))),
		Back:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", txtKeyBack.In(l))),
		Open:   key.NewBinding(key.WithKeys("o", "ctrl+o"), key.WithHelp("o", txtKeyOpen.In(l))),
		Link:   key.NewBinding(key.WithKeys("l", "ctrl+l"), key.WithHelp("l", txtKeyLink.In(l))),
		Copy:   key.NewBinding(key.WithKeys("c", "ctrl+y"), key.WithHelp("c", txtKeyCopy.In(l))),
		Reveal: key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", txtKeyReveal.In(l))),
		Jump:   key.NewBinding(key.WithKeys("g", "ctrl+g"), key.WithHelp("g", txtKeyJump.In(l))),
		Again:  key.NewBinding(key.WithKeys("r", "ctrl+t"), key.WithHelp("r", txtKeyAgain.In(l))),
		GoOn:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", txtKeyGoOn.In(l))),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", txtKeyUpDown.In(l))),
		Down:   key.NewBinding(key.WithKeys("down")),
		Scroll: key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", txtKeyScroll.In(l))),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", txtKeyHelp.In(l))),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", txtKeyQuit.In(l))),
		Close:  key.NewBinding(key.WithKeys("enter", "q"), key.WithHelp("enter/q", txtKeyClose.In(l))),
	}
}

// ctrlHelp is b as the footer shows it while a text field has the focus: its ctrl key,
// since the letter would be typed into the field. A binding without one is left out.
func ctrlHelp(b key.Binding) (key.Binding, bool) {
	if !letterOnly(b.Help().Key) {
		return b, true
	}
	for _, k := range b.Keys() {
		if strings.HasPrefix(k, "ctrl+") {
			return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(k, b.Help().Desc)), true
		}
	}
	return b, false
}

// letterOnly reports whether the key pressed is the plain letter of b (o, c, g, l, ?),
// which a focused text field must receive instead.
func letterOnly(k string) bool { return len([]rune(k)) == 1 }

// helpKeys is the footer's key map for the screen's current situation: only keys that
// do something now are listed.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

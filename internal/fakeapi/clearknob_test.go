package fakeapi

import "testing"

// TestClearKnobRepairsTheAccount: the sandbox turns a knob off when the operator says they
// fixed the console setting it stands for; the account then answers as after that fix.
func TestClearKnobRepairsTheAccount(t *testing.T) {
	l := NewLINE()
	defer l.Close()
	if err := l.SetKnob("chat_off"); err != nil {
		t.Fatal(err)
	}
	if _, _, m := lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer); m["chatMode"] != "bot" {
		t.Fatalf("chat_off: %v", m)
	}
	if err := l.ClearKnob("chat_off"); err != nil {
		t.Fatal(err)
	}
	if _, _, m := lineDo(t, "GET", l.APIURL()+"/v2/bot/info", nil, lineBearer); m["chatMode"] != "chat" {
		t.Errorf("after ClearKnob: %v", m)
	}
	if err := l.ClearKnob("no_such_knob"); err == nil {
		t.Error("an unknown knob was accepted")
	}
}

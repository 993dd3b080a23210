package main

import (
	"testing"
	"time"
)

// One channel gets a burst of requests at once, then the rate; other channels are not
// held back by it; time refills the bucket. The clock is injected: nothing sleeps.
func TestChannelLimiter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newChannelLimiter(5, 12)
	l.now = func() time.Time { return now }
	a := []string{"line:1"}
	for i := 0; i < 12; i++ {
		if d := l.reserve(a); d != 0 {
			t.Fatalf("request %d of the burst waits %v", i+1, d)
		}
	}
	if d := l.reserve(a); d != 200*time.Millisecond {
		t.Errorf("13th request waits %v, want 200ms (5 a second)", d)
	}
	if d := l.reserve(a); d != 400*time.Millisecond {
		t.Errorf("14th request waits %v, want 400ms", d)
	}
	if d := l.reserve([]string{"line:2", "naver:x"}); d != 0 {
		t.Errorf("another channel waits %v", d)
	}
	// A request for two channels waits for the slower one.
	if d := l.reserve([]string{"naver:x", "line:1"}); d != 600*time.Millisecond {
		t.Errorf("shared request waits %v, want 600ms", d)
	}
	now = now.Add(10 * time.Second)
	if d := l.reserve(a); d != 0 {
		t.Errorf("after 10 s the bucket is full again, yet waits %v", d)
	}
	if d := newChannelLimiter(0, 12).reserve(a); d != 0 {
		t.Errorf("--rate 0 waits %v", d)
	}
}

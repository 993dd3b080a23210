package naver_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/sample"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

func sampleAnswers() steps.Answers {
	return steps.Answers{
		"naver.application_name":         sample.ShopName,
		"naver.client_id":                sample.NaverClientID,
		"naver.client_secret":            sample.NaverClientSecret,
		"naver.pc_web.service_url":       "https://sample.com",
		"naver.pc_web.callback_urls":     "https://sample.com\nhttps://www.sample.com",
		"naver.mobile_web.service_url":   "https://m.sample.com",
		"naver.mobile_web.callback_urls": "https://m.sample.com",
	}
}

func newEnv(n *fakeapi.NAVER, a steps.Answers) *verify.Env {
	return &verify.Env{
		Answers: a,
		HTTP:    &http.Client{},
		URLs:    verify.BaseURLs{NaverNID: n.NIDURL(), NaverOpenAPI: n.OpenAPIURL()},
		Now:     func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		Sleep:   func(context.Context, time.Duration) error { return nil },
	}
}

func check(t *testing.T, id string) verify.Check {
	t.Helper()
	for _, c := range naver.Checks() {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return verify.Check{}
}

func run(t *testing.T, n *fakeapi.NAVER, id string, a steps.Answers) verify.Result {
	t.Helper()
	c := check(t, id)
	if !c.Applies(a) {
		t.Fatalf("%s does not apply", id)
	}
	r := c.Run(context.Background(), newEnv(n, a))
	if r.ID != id {
		t.Errorf("result id %q", r.ID)
	}
	// The secret never reaches a report.
	for _, s := range []string{r.Message.EN, r.Message.JA, r.Detail} {
		if strings.Contains(s, sample.NaverClientSecret) || strings.Contains(s, "Wrong0Secr") {
			t.Errorf("%s: secret in result: %q", id, s)
		}
	}
	if r.Status != verify.Pass && (r.Message.EN == "" || r.Message.JA == "") {
		t.Errorf("%s: message missing in a language: %+v", id, r.Message)
	}
	return r
}

func TestCheckIDsAndSteps(t *testing.T) {
	var got []string
	for _, c := range naver.Checks() {
		got = append(got, c.ID+"→"+c.Step)
		if c.Run == nil || c.Applies == nil {
			t.Errorf("%s: no Run or Applies", c.ID)
		}
		if c.Applies(steps.Answers{}) {
			t.Errorf("%s applies without a NAVER section", c.ID)
		}
	}
	want := []string{"naver.credentials→naver.credentials", "naver.callback→naver.environments", "naver.urls→naver.environments"}
	if !slices.Equal(got, want) {
		t.Errorf("checks %q, want %q", got, want)
	}
}

// The emulator's sample application is registered with exactly the planner's URLs.
func TestEmulatorMatchesPlanner(t *testing.T) {
	plan, ps := naver.Plan(naver.PlanInput{Domain: sample.ShopDomain, PC: true, Mobile: true})
	if len(ps) > 0 {
		t.Fatalf("problems: %v", ps)
	}
	app := fakeapi.SampleNAVERApp()
	if app.PCWeb.ServiceURL != plan.PC.ServiceURL || !slices.Equal(app.PCWeb.CallbackURLs, plan.PC.CallbackURLs) ||
		app.MobileWeb.ServiceURL != plan.Mobile.ServiceURL || !slices.Equal(app.MobileWeb.CallbackURLs, plan.Mobile.CallbackURLs) {
		t.Errorf("emulator %+v, planner PC %+v Mobile %+v", app, *plan.PC, *plan.Mobile)
	}
}

func TestCredentialsCheck(t *testing.T) {
	n := fakeapi.NewNAVER()
	defer n.Close()
	wrong := sampleAnswers()
	wrong["naver.client_secret"] = "Wrong0Secr"
	otherID := sampleAnswers()
	otherID["naver.client_id"] = "OtherClientId000Abc1"
	tests := []struct {
		name    string
		knob    string
		answers steps.Answers
		status  verify.Status
		text    string
	}{
		{"right", "", sampleAnswers(), verify.Pass, "accepts"},
		{"wrong secret typed", "", wrong, verify.Fail, "does not accept"},
		{"another client ID", "", otherID, verify.Fail, "does not accept"},
		{"secret changed at NAVER", "naver_wrong_secret", sampleAnswers(), verify.Fail, "does not accept"},
		{"NAVER unavailable", "naver_unavailable", sampleAnswers(), verify.Error, "Could not tell"},
		{"bad request", "naver_bad_request", sampleAnswers(), verify.Error, "Could not tell"},
		{"slow but fine", "naver_latency=2ms", sampleAnswers(), verify.Pass, "accepts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n.Reset()
			if tt.knob != "" {
				if err := n.SetKnob(tt.knob); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, n, "naver.credentials", tt.answers)
			if r.Status != tt.status || !strings.Contains(r.Message.EN, tt.text) {
				t.Errorf("%s %q (%s), want %s %q", r.Status, r.Message.EN, r.Detail, tt.status, tt.text)
			}
			if r.Step != "naver.credentials" {
				t.Errorf("step %q", r.Step)
			}
			if n.Requests("/oauth2.0/revoke") != 1 {
				t.Errorf("revoke called %d times", n.Requests("/oauth2.0/revoke"))
			}
		})
	}
}

// HTTP 200 alone is no evidence: NAVER reports some errors as 200 with an "error" field,
// and a proxy or captive portal answers 200 with its own page.
func TestCredentialsOnlyNAVERsAcceptancePasses(t *testing.T) {
	for _, c := range []struct {
		name, ctype, body string
		status            verify.Status
		text              string
	}{
		{"empty", "", "", verify.Pass, "accepts"},
		{"JSON without an error", "application/json", `{"access_token":"setup-wizard-dummy-token","result":"success"}`, verify.Pass, "accepts"},
		{"invalid_client with 200", "application/json", `{"error":"invalid_client","error_description":"client_secret mismatch"}`, verify.Fail, "does not accept"},
		{"unauthorized_client with 200", "application/json", `{"error":"unauthorized_client"}`, verify.Fail, "does not accept"},
		{"another error with 200", "application/json", `{"error":"invalid_request","error_description":"no token"}`, verify.Error, "neither"},
		{"a proxy's login page", "text/html", "<html><body>Sign in to the hotel Wi-Fi</body></html>", verify.Error, "neither"},
		{"plain text", "text/plain", "OK", verify.Error, "neither"},
		{"a JSON list", "application/json", `["ok"]`, verify.Error, "neither"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c.ctype != "" {
					w.Header().Set("Content-Type", c.ctype)
				}
				_, _ = io.WriteString(w, c.body)
			}))
			defer srv.Close()
			a := sampleAnswers()
			env := &verify.Env{Answers: a, HTTP: srv.Client(), URLs: verify.BaseURLs{NaverNID: srv.URL, NaverOpenAPI: srv.URL}}
			r := check(t, "naver.credentials").Run(context.Background(), env)
			if r.Status != c.status || !strings.Contains(r.Message.EN, c.text) || r.Message.JA == "" {
				t.Errorf("%s %q / %q (%s), want %s %q", r.Status, r.Message.EN, r.Message.JA, r.Detail, c.status, c.text)
			}
			if strings.Contains(r.Detail+r.Message.EN, sample.NaverClientSecret) {
				t.Errorf("secret in the result: %q %q", r.Message.EN, r.Detail)
			}
		})
	}
}

func TestCredentialsNetworkError(t *testing.T) {
	n := fakeapi.NewNAVER()
	n.Close()
	r := run(t, n, "naver.credentials", sampleAnswers())
	if r.Status != verify.Error || !strings.Contains(r.Message.EN, "could not be reached") {
		t.Errorf("%s %q", r.Status, r.Message.EN)
	}
}

func TestCallbackCheck(t *testing.T) {
	n := fakeapi.NewNAVER()
	defer n.Close()
	extra := sampleAnswers()
	extra["naver.pc_web.callback_urls"] += "\nhttps://shop.sample.com/naver"
	tests := []struct {
		name    string
		knob    string
		answers steps.Answers
		status  verify.Status
		text    []string
	}{
		// NAVER's real behaviour as far as known: the login page first, whatever the URLs.
		{"all registered", "", sampleAnswers(), verify.Warn, []string{"Cannot tell", "https://sample.com, https://www.sample.com, https://m.sample.com", "tester ID", "서비스 설정에 오류가 있어"}},
		{"one not registered", "", extra, verify.Warn, []string{"Cannot tell", "https://shop.sample.com/naver"}},
		{"none registered", "naver_callback_unregistered", sampleAnswers(), verify.Warn, []string{"Cannot tell"}},
		// The first assumption (NAVER judges at once), behind a knob: its error page fails.
		{"at once: one not registered", "naver_authorize_at_once", extra, verify.Fail, []string{"https://shop.sample.com/naver"}},
		{"at once: registered", "naver_authorize_at_once", sampleAnswers(), verify.Warn, []string{"Cannot tell"}},
		{"NAVER unavailable", "naver_unavailable", sampleAnswers(), verify.Error, []string{"Could not tell", "neither its login page nor its error page"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n.Reset()
			if tt.knob != "" {
				if err := n.SetKnob(tt.knob); err != nil {
					t.Fatal(err)
				}
			}
			r := run(t, n, "naver.callback", tt.answers)
			if r.Status != tt.status {
				t.Errorf("%s %q (%s), want %s", r.Status, r.Message.EN, r.Detail, tt.status)
			}
			for _, s := range tt.text {
				if !strings.Contains(r.Message.EN, s) {
					t.Errorf("%q lacks %q", r.Message.EN, s)
				}
			}
			if r.Step != "naver.environments" {
				t.Errorf("step %q", r.Step)
			}
			if got, want := n.Requests("/oauth2.0/authorize"), len(tt.answers.List("naver.pc_web.callback_urls"))+1; got != want {
				t.Errorf("authorize called %d times, want %d", got, want)
			}
			// Redirects are not followed: the login page is never fetched.
			if n.Requests("/nidlogin.login") != 0 {
				t.Error("the probe followed the redirect")
			}
		})
	}
	n.Close()
	r := run(t, n, "naver.callback", sampleAnswers())
	if r.Status != verify.Error || !strings.Contains(r.Message.EN, "could not be reached") {
		t.Errorf("network: %s %q", r.Status, r.Message.EN)
	}
}

// The classifier reads the emulator's two answers the way it reads the fixtures.
func TestClassifyEmulatorAnswers(t *testing.T) {
	n := fakeapi.NewNAVER()
	defer n.Close()
	client := verify.NoRedirects(&http.Client{})
	if err := n.SetKnob("naver_authorize_at_once"); err != nil {
		t.Fatal(err)
	}
	for redirect, want := range map[string]naver.Verdict{
		"https://sample.com":      naver.LoginPage,
		"https://m.sample.com/cb": naver.LoginPage,
		"https://evil.example":    naver.Unregistered,
	} {
		resp, err := client.Get(n.NIDURL() + "/oauth2.0/authorize?response_type=code&client_id=" + sample.NaverClientID + "&state=x&redirect_uri=" + redirect)
		if err != nil {
			t.Fatal(err)
		}
		body := make([]byte, 4096)
		k, _ := resp.Body.Read(body)
		resp.Body.Close()
		if got, why := naver.ClassifyAuthorize(resp.StatusCode, resp.Header.Get("Location"), body[:k]); got != want {
			t.Errorf("%s: %s (%s), want %s", redirect, got, why, want)
		}
	}
}

func TestURLsCheck(t *testing.T) {
	n := fakeapi.NewNAVER()
	defer n.Close()
	warn := sampleAnswers()
	warn["naver.pc_web.callback_urls"] = "https://sample.com"
	bad := sampleAnswers()
	bad["naver.mobile_web.callback_urls"] = "https://m.sample.com\nhttps://m.other.example"
	six := sampleAnswers()
	six["naver.pc_web.callback_urls"] = "https://sample.com\nhttps://www.sample.com\nhttps://a.sample.com\nhttps://b.sample.com\nhttps://c.sample.com\nhttps://d.sample.com"
	pcOnly := sampleAnswers()
	delete(pcOnly, "naver.mobile_web.service_url")
	delete(pcOnly, "naver.mobile_web.callback_urls")
	noCallbacks := sampleAnswers()
	delete(noCallbacks, "naver.mobile_web.callback_urls")
	tests := []struct {
		name    string
		answers steps.Answers
		status  verify.Status
		text    string
	}{
		{"planned", sampleAnswers(), verify.Pass, "follow NAVER's rules"},
		{"PC only", pcOnly, verify.Pass, "follow NAVER's rules"},
		{"www missing", warn, verify.Warn, "PC web: the callback URL https://sample.com is listed but nothing on www.sample.com"},
		{"other domain", bad, verify.Warn, "Mobile web: the callback URL https://m.other.example is not on the service URL's domain m.sample.com. NAVER accepts that"},
		{"six callbacks", six, verify.Fail, "https://d.sample.com is callback URL number 6"},
		{"no callbacks", noCallbacks, verify.Fail, "Mobile web: no callback URL is listed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, n, "naver.urls", tt.answers)
			if r.Status != tt.status || !strings.Contains(r.Message.EN, tt.text) {
				t.Errorf("%s %q, want %s %q", r.Status, r.Message.EN, tt.status, tt.text)
			}
			if r.Status != verify.Pass && !strings.Contains(r.Message.JA, "ウェブ") {
				t.Errorf("Japanese message does not name the environment: %q", r.Message.JA)
			}
			if r.Step != "naver.environments" {
				t.Errorf("step %q", r.Step)
			}
		})
	}
	if total := n.Requests("/oauth2.0/authorize") + n.Requests("/oauth2.0/revoke"); total != 0 {
		t.Errorf("the offline check made %d requests", total)
	}
}

// Through the runner and its retrying client, as the command runs them.
func TestChecksThroughRunner(t *testing.T) {
	n := fakeapi.NewNAVER()
	defer n.Close()
	noSleep := func(context.Context, time.Duration) error { return nil }
	suite := &verify.Suite{
		Checks: naver.Checks(),
		Env: verify.Env{
			HTTP:  verify.NewHTTPClient(verify.HTTPOptions{Sleep: noSleep}),
			URLs:  verify.BaseURLs{NaverNID: n.NIDURL(), NaverOpenAPI: n.OpenAPIURL()},
			Sleep: noSleep,
		},
	}
	statuses := func() map[string]verify.Status {
		m := map[string]verify.Status{}
		for _, r := range suite.RunAll(context.Background(), sampleAnswers(), nil) {
			m[r.ID] = r.Status
		}
		return m
	}
	if got := statuses(); got["naver.credentials"] != verify.Pass || got["naver.callback"] != verify.Warn || got["naver.urls"] != verify.Pass {
		t.Errorf("sample: %v", got)
	}
	n.Reset()
	_ = n.SetKnob("naver_unavailable")
	got := statuses()
	if got["naver.credentials"] != verify.Error || got["naver.callback"] != verify.Error || got["naver.urls"] != verify.Pass {
		t.Errorf("unavailable: %v", got)
	}
	if n.Requests("/oauth2.0/revoke") < 2 {
		t.Errorf("503 was not retried: %d calls", n.Requests("/oauth2.0/revoke"))
	}
	n.Reset()
	_ = n.SetKnob("naver_wrong_secret")
	if got := statuses(); got["naver.credentials"] != verify.Fail || n.Requests("/oauth2.0/revoke") != 1 {
		t.Errorf("wrong secret: %v, %d calls (401 is not retried)", got, n.Requests("/oauth2.0/revoke"))
	}
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/sample"
)

// End-to-end walks of the real binary in tmux (see e2e_helpers_test.go). They type the
// values themselves: --sandbox pre-fills every field that has a sample, so each typed
// field is first cleared with ctrl+u and seen empty.

// TestTmuxLineFirstTime walks the LINE first-time flow to the end in English and reads
// the file it wrote.
func TestTmuxLineFirstTime(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "shop.yaml")
	s := startTmux(t, bin, dir, []string{"LANG=en_US.UTF-8"},
		"--sandbox", "--no-browser", "--platform", "generic", "-c", cfg, "line", "--flow", "new")

	const (
		provider = "Tmux Test Provider"
		privacy  = "https://shop.example.net/privacy"
		terms    = "https://shop.example.net/terms"
		webhook  = "https://shop.example.net/line/webhook"
	)

	// Intro: the account name, then "the OA exists" (skips ①) and "not verified yet"
	// (keeps ②).
	s.waitStep("Connect LINE")
	s.fill("LINE Official Account name", sample.AccountName, false)
	s.answer("The shop already has a LINE Official Account", "y")
	s.answer("The account is already verified", "n")
	scr := s.waitStep("Request account verification")
	if !strings.Contains(scr, "Step 2 of 12") {
		t.Errorf("after skipping one step the header should say Step 2 of 12:\n%s", scr)
	}
	if l := sidebarLine(scr, "Create the LINE Official"); l != "" {
		t.Errorf("the sidebar still lists the skipped step: %q", l)
	}
	s.answer("I requested verification", "y")
	s.waitStep("Switch Chat on")
	s.answer("I switched Chat on", "y")
	s.waitStep("Register at LINE Developers")
	s.answer("I can see the LINE Developers console", "y")

	s.waitStep("Create a provider")
	s.fill("Provider name", provider, false)
	s.answer("The provider exists in the console", "y")

	// Back once: the provider name typed a step ago is still there.
	s.waitStep("Enable the Messaging API")
	s.waitFocus("Privacy policy URL")
	s.keys("BTab")
	s.waitStep("Create a provider")
	s.waitValue("Provider name", provider)
	s.next("Provider name")
	s.answer("The provider exists in the console", "y")

	s.waitStep("Enable the Messaging API")
	s.fill("Privacy policy URL", privacy, false)
	s.fill("Terms of use URL", terms, false)
	s.answer("I enabled the Messaging API", "y")
	s.waitStep("Create the LINE Login channel")
	s.answer("I created the LINE Login channel", "y")
	s.waitStep("Publish the LINE Login channel")
	s.answer("The LINE Login channel shows Published", "y")

	s.waitStep("Collect the channel values")
	s.fill("Channel access token (long-lived)", sample.ChannelAccessToken, true)
	s.fill("Channel secret (Messaging API)", sample.ChannelSecret, true)
	s.fill("Add-friend URL", sample.AddFriendURL, false)
	s.fill("Channel ID (LINE Login)", sample.LoginChannelID, false)
	s.fill("Channel secret (LINE Login)", sample.LoginChannelSecret, true)

	// Hand-over: the values as typed, and the Messaging API channel ID learnt from the
	// token.
	s.waitStep("Enter the values in the CMS")
	scr = s.waitForWithin(waitChecks, sample.ChannelID)
	for _, want := range []string{sample.AccountName, provider, privacy, terms, sample.AddFriendURL, sample.LoginChannelID} {
		if !strings.Contains(scr, want) {
			t.Errorf("the hand-over list lacks %q:\n%s", want, scr)
		}
	}
	s.answer("I pasted the six values into the CMS", "y")

	// Webhook: a plain http:// address is refused with the rule and the step stays.
	s.waitStep("Set the webhook URL")
	s.fill("Webhook URL", "http://shop.example.net/line/webhook", false)
	s.waitFor("must start with https://")
	if title := paneTitle(s.capture()); title != "Set the webhook URL" {
		t.Fatalf("a refused webhook URL moved on to %q", title)
	}
	s.fill("Webhook URL", webhook, false)
	s.answer("Let the wizard write the webhook URL", "y")

	s.waitStep("Set the callback URL")
	s.fill("Callback URL", sample.CallbackURL, false)

	// LINE tells only a signed-in visitor whether the callback URL is registered: the
	// screen asks what LINE showed at the authorize URL; the consent screen is the answer.
	scr = s.waitForWithin(waitChecks, "Only you can tell: line.login.callback")
	if !strings.Contains(scr, "/oauth2/v2.1/authorize?client_id=") || !strings.Contains(scr, "1) A consent screen") {
		t.Errorf("the question lacks the URL or the answers:\n%s", scr)
	}
	s.keys("Enter")

	// The final screen: every check passed, and where the file is.
	s.waitFor("All steps are done")
	scr = s.waitForWithin(waitChecks, "Press enter or q to close.")
	for _, id := range []string{"line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.login.secret",
		"line.webhook.set", "line.webhook.active", "line.webhook.test", "line.login.callback"} {
		if !strings.Contains(scr, "✓ "+id+" ") {
			t.Errorf("the final screen does not show %s passing:\n%s", id, scr)
		}
	}
	if !strings.Contains(scr, "Saved to "+cfg) {
		t.Errorf("the final screen does not say where the file went:\n%s", scr)
	}
	s.keys("Enter")
	s.waitExit(0)

	fi, err := os.Stat(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("%s has mode %v, want 0600", cfg, mode)
	}
	c, err := config.Load(cfg)
	if err != nil {
		t.Fatalf("config.Load: %v", err)
	}
	if c.LINE == nil || c.LINE.Policy == nil || c.LINE.MessagingAPI == nil || c.LINE.Login == nil {
		t.Fatalf("the LINE section is incomplete: %+v", c.LINE)
	}
	got := map[string]string{
		"flow":                 c.LINE.Flow,
		"account_name":         c.LINE.AccountName,
		"provider_name":        c.LINE.ProviderName,
		"privacy_policy_url":   c.LINE.Policy.PrivacyPolicyURL,
		"terms_url":            c.LINE.Policy.TermsURL,
		"channel_id":           c.LINE.MessagingAPI.ChannelID,
		"channel_access_token": c.LINE.MessagingAPI.ChannelAccessToken,
		"channel_secret":       c.LINE.MessagingAPI.ChannelSecret,
		"add_friend_url":       c.LINE.MessagingAPI.AddFriendURL,
		"webhook_url":          c.LINE.MessagingAPI.WebhookURL,
		"login.channel_id":     c.LINE.Login.ChannelID,
		"login.channel_secret": c.LINE.Login.ChannelSecret,
		"callback_url":         c.LINE.Login.CallbackURL,
	}
	want := map[string]string{
		"flow":                 "new",
		"account_name":         sample.AccountName,
		"provider_name":        provider,
		"privacy_policy_url":   privacy,
		"terms_url":            terms,
		"channel_id":           sample.ChannelID, // 2000000001, learnt from the token
		"channel_access_token": sample.ChannelAccessToken,
		"channel_secret":       sample.ChannelSecret,
		"add_friend_url":       sample.AddFriendURL,
		"webhook_url":          webhook,
		"login.channel_id":     sample.LoginChannelID,
		"login.channel_secret": sample.LoginChannelSecret,
		"callback_url":         sample.CallbackURL,
	}
	for k, w := range want {
		if got[k] != w {
			if strings.Contains(k, "secret") || strings.Contains(k, "token") {
				t.Errorf("%s is not the value typed (%d characters, want %d)", k, len(got[k]), len(w))
			} else {
				t.Errorf("%s = %q, want %q", k, got[k], w)
			}
		}
	}
	if c.LINE.MessagingAPI.ChannelID != "2000000001" {
		t.Errorf("channel_id = %q, want the learnt 2000000001", c.LINE.MessagingAPI.ChannelID)
	}
	assertVerification(t, c, "line.token", "line.secret", "line.bot", "line.verified", "line.friend_url", "line.login.secret",
		"line.webhook.set", "line.webhook.active", "line.webhook.test")
	assertVerification(t, c, "line.login.callback") // confirmed by the operator
}

// TestTmuxLineInterruptResume leaves the switching flow with ctrl+c in Japanese and comes
// back to the step it left.
func TestTmuxLineInterruptResume(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "shop.yaml")
	s := startTmux(t, bin, dir, []string{"LANG=ja_JP.UTF-8"},
		"--sandbox", "--no-browser", "--platform", "generic", "-c", cfg, "line", "--flow", "switch")

	const (
		left    = "LINEログインチャネルを確認する"
		privacy = "https://shop.example.jp/privacy"
		terms   = "https://shop.example.jp/terms"
	)
	s.waitStep("LINEと連携する")
	s.fill("LINE公式アカウント名", "サロン・テスト", false)
	s.answer("アカウントは認証済み", "y")
	s.waitStep("プライバシーポリシーと利用規約のURLを設定する")
	s.fill("プライバシーポリシーのURL", privacy, false)
	s.fill("利用規約のURL", terms, false)
	s.answer("2つのURLをコンソールに設定した", "y")
	s.waitStep(left)
	s.waitFocus("公開済み、ウェブアプリはオン")

	s.keys("C-c")
	s.waitFor("中断しました")
	s.waitExit(130)
	if _, err := os.Stat(cfg); err == nil {
		t.Errorf("an interrupted walk wrote %s", cfg)
	}

	s.restart()
	scr := s.waitFor("前回の続きから始めますか？")
	if !strings.Contains(scr, "「"+left+"」") {
		t.Errorf("the resume question does not name the step left:\n%s", scr)
	}
	s.waitFor("続きから始める")
	s.keys("Enter")
	scr = s.waitStep(left)
	if !strings.Contains(scr, "ステップ3 / 8") {
		t.Errorf("the resumed walk should be at step 3 of 8:\n%s", scr)
	}
	for _, done := range []string{"LINEと連携する", "プライバシーポリシーと利用規"} {
		if l := sidebarLine(scr, done); !strings.HasPrefix(l, "✓") {
			t.Errorf("the sidebar should show %q done, got %q", done, l)
		}
	}
	// The answers came back with the draft: one step back shows the URLs as given.
	s.waitFocus("公開済み、ウェブアプリはオン")
	s.keys("BTab")
	s.waitStep("プライバシーポリシーと利用規約のURLを設定する")
	s.waitValue("プライバシーポリシーのURL", privacy)
}

// TestTmuxNaver walks the whole NAVER flow in the sandbox for a Cafe24 shop (--platform
// cafe24) with PC and mobile environments: the shop admin before the capture, the review
// form field by field, and the review recorded as requested once confirmed.
func TestTmuxNaver(t *testing.T) {
	t.Parallel()
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "naver.yaml")
	s := startTmux(t, bin, dir, []string{"LANG=en_US.UTF-8"},
		"--sandbox", "--no-browser", "--platform", "cafe24", "-c", cfg, "naver")

	const shop = "Tmux Sample Shop"
	s.waitStep("The shop and where it stands")
	s.fill("Application name", shop, false)
	scr := s.waitFocus("Shop platform")
	if !strings.Contains(scr, "> Cafe24") {
		t.Fatalf("Cafe24 should be the highlighted platform:\n%s", scr)
	}
	s.keys("Enter")
	s.fill("Platform name", "", false)
	s.next("Review status of the application")

	s.waitStep("NAVER Developers account")
	s.answer("I am logged in to NAVER Developers", "y")
	s.waitStep("Register the application")
	s.answer("I entered the shop's name", "y")
	s.waitStep("Choose NAVER Login and its items")
	s.answer("Ask for the customer's name", "y")
	s.answer("Ask for the contact e-mail", "y")
	s.answer("I chose NAVER Login and these items", "y")

	// Environments: the URLs derive from the domain typed.
	s.waitStep("Environments: service and callback URLs")
	s.fillDerived("Shop domain", sample.ShopDomain)
	s.fillDerived("Mobile domain", "") // empty: m.<domain>
	s.next("Other domains of the shop")
	s.answer("Use PC web?", "y")
	s.answer("Use Mobile web?", "y")
	scr = s.waitValue("PC web: service URL", "https://sample.com")
	for _, u := range []string{"https://www.sample.com", "https://m.sample.com"} {
		if !strings.Contains(scr, u) {
			t.Errorf("the environments step does not show %s:\n%s", u, scr)
		}
	}
	s.next("PC web: service URL")
	scr = s.waitFocus("PC web: callback URLs")
	if !slices.Contains(paneLines(scr), "┃ https://sample.com") || !slices.Contains(paneLines(scr), "┃ https://www.sample.com") {
		t.Errorf("the PC callbacks should be https://sample.com and https://www.sample.com, one per line:\n%s", scr)
	}
	s.keys("Enter")
	s.waitValue("Mobile web: service URL", "https://m.sample.com")
	s.keys("Enter")
	scr = s.waitFocus("Mobile web: callback URLs")
	if !slices.Contains(paneLines(scr), "┃ https://m.sample.com") {
		t.Errorf("the mobile callback should be https://m.sample.com:\n%s", scr)
	}
	s.keys("Enter")
	s.answer("I entered these URLs and saved the application", "y")

	s.waitStep("Client ID and Client Secret")
	s.fill("Client ID", sample.NaverClientID, false)
	s.fill("Client Secret", sample.NaverClientSecret, true)
	s.waitStep("Test IDs while in development")
	s.answer("The testers are added", "y")
	scr = s.waitStep("Switch NAVER login on in the shop")
	if !strings.Contains(scr, "Cafe24 shop admin") || !strings.Contains(scr, "SNS連携管理") {
		t.Errorf("the shop admin step should speak of the Cafe24 admin's menu:\n%s", scr)
	}
	s.answer("NAVER login is switched on in the shop", "y")
	s.waitStep("Capture the login for the review")
	s.answer("I have the one image file", "y")
	s.waitStep("Logo")
	s.answer("The logo is uploaded", "y")
	s.waitStep("Request the review")
	s.next("Purpose: 기타 (other)")
	s.next("Items collected and their use")
	s.answer("I sent the review request", "y")

	s.waitFor("All steps are done")
	scr = s.waitForWithin(waitChecks, "Press enter or q to close.")
	for _, id := range []string{"naver.urls", "naver.credentials"} {
		if !strings.Contains(scr, "✓ "+id+" ") {
			t.Errorf("the final screen does not show %s passing:\n%s", id, scr)
		}
	}
	// NAVER sends an anonymous visitor to its login page first: cannot tell.
	if !strings.Contains(scr, "! naver.callback ") {
		t.Errorf("the final screen does not show naver.callback as cannot tell:\n%s", scr)
	}
	if !strings.Contains(scr, "Saved to "+cfg) {
		t.Errorf("the final screen does not say where the file went:\n%s", scr)
	}
	s.keys("q")
	s.waitExit(0)

	c, err := config.Load(cfg)
	if err != nil {
		t.Fatalf("config.Load: %v", err)
	}
	n := c.NAVER
	if n == nil || n.PCWeb == nil || n.MobileWeb == nil {
		t.Fatalf("the NAVER section lacks an environment: %+v", n)
	}
	if n.ApplicationName != shop || n.ClientID != sample.NaverClientID || n.Platform != "cafe24" {
		t.Errorf("application_name %q, client_id %q, platform %q; want %q, %q, cafe24",
			n.ApplicationName, n.ClientID, n.Platform, shop, sample.NaverClientID)
	}
	if n.ClientSecret != sample.NaverClientSecret {
		t.Errorf("client_secret is not the value typed (%d characters)", len(n.ClientSecret))
	}
	if n.PCWeb.ServiceURL != "https://sample.com" ||
		!slices.Equal(n.PCWeb.CallbackURLs, []string{"https://sample.com", "https://www.sample.com"}) {
		t.Errorf("pc_web = %+v", *n.PCWeb)
	}
	if n.MobileWeb.ServiceURL != "https://m.sample.com" ||
		!slices.Equal(n.MobileWeb.CallbackURLs, []string{"https://m.sample.com"}) {
		t.Errorf("mobile_web = %+v", *n.MobileWeb)
	}
	if n.Items == nil || !n.Items.Name || !n.Items.Email {
		t.Errorf("items = %+v, want name and email", n.Items)
	}
	if n.ReviewStatus != "requested" {
		t.Errorf("review_status = %q after confirming the request was sent, want requested", n.ReviewStatus)
	}
	assertVerification(t, c, "naver.credentials", "naver.urls")
	assertVerificationStatus(t, c, "warn", "naver.callback")
}

// TestTmuxFailingAPI runs the first-time flow against a sandbox whose account has Chat
// off: the check after the collect step marks the Chat step failed, and g goes there.
func TestTmuxFailingAPI(t *testing.T) {
	t.Parallel()
	for _, fix := range []bool{true, false} {
		name := map[bool]string{true: "fixed in place", false: "continued anyway"}[fix]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tmuxChatOff(t, fix)
		})
	}
}

// tmuxChatOff walks the sandbox with Chat off: the walk stops at the failure. Fixed: the
// operator goes to the Chat step (g), says Chat is on, the emulated account changes as
// LINE's would, the check passes in place, the walk returns to where it was and ends with
// exit 0. Not fixed: n goes on, and the end says what failed and exits 3.
func tmuxChatOff(t *testing.T, fix bool) {
	requireTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	s := startTmux(t, bin, dir, []string{"LANG=en_US.UTF-8", "SETUP_WIZARD_SANDBOX_FAULTS=chat_off"},
		"--sandbox", "--no-browser", "--platform", "generic", "-c", filepath.Join(dir, "shop.yaml"), "line", "--flow", "new")

	s.waitStep("Connect LINE")
	s.next("LINE Official Account name")
	s.answer("The shop already has a LINE Official Account", "y")
	s.answer("The account is already verified", "y")
	s.waitStep("Switch Chat on")
	s.answer("I switched Chat on", "y")
	s.waitStep("Register at LINE Developers")
	s.answer("I can see the LINE Developers console", "y")
	s.waitStep("Create a provider")
	s.next("Provider name")
	s.answer("The provider exists in the console", "y")
	s.waitStep("Enable the Messaging API")
	s.next("Privacy policy URL")
	s.next("Terms of use URL")
	s.answer("I enabled the Messaging API", "y")
	s.waitStep("Create the LINE Login channel")
	s.answer("I created the LINE Login channel", "y")
	s.waitStep("Publish the LINE Login channel")
	s.answer("The LINE Login channel shows Published", "y")
	s.waitStep("Collect the channel values")
	for _, label := range []string{"Channel access token (long-lived)", "Channel secret (Messaging API)",
		"Add-friend URL", "Channel ID (LINE Login)", "Channel secret (LINE Login)"} {
		s.next(label)
	}

	// The walk stops: which check, why, where to fix it, and the three ways on.
	scr := s.waitForWithin(waitChecks, "A check did not pass")
	for _, want := range []string{"✗ line.bot", "Chat is OFF", "→ fix on step 2 “Switch Chat on”", "g  go to step 2", "r  check again now", "n  continue anyway"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the stop lacks %q:\n%s", want, scr)
		}
	}
	if !strings.HasPrefix(sidebarLine(scr, "Switch Chat on"), "✗") {
		t.Errorf("the Chat step is not marked failed:\n%s", scr)
	}
	if fix {
		s.keys("g")
		scr = s.waitStep("Switch Chat on")
		if !strings.Contains(scr, "Step 2 of 11") {
			t.Errorf("g should go to step 2 of 11:\n%s", scr)
		}
		s.waitFor("switch Chat ON") // why it was sent back
		s.waitFor("press r to check again here")
		s.keys("Enter") // yes, Chat is on now: checked again in place
		scr = s.waitForWithin(waitChecks, "Checked again: it passes now.")
		if title := paneTitle(scr); title != "Enter the values in the CMS" {
			t.Errorf("after the fix the walk should be back at the CMS step, is at %q:\n%s", title, scr)
		}
	} else {
		s.keys("n")
		s.waitStep("Enter the values in the CMS")
	}
	s.answer("I pasted the six values into the CMS", "y")
	s.waitStep("Set the webhook URL")
	s.next("Webhook URL")
	s.answer("Let the wizard write the webhook URL", "y")
	s.waitStep("Set the callback URL")
	s.next("Callback URL")
	s.waitForWithin(waitChecks, "Only you can tell: line.login.callback")
	s.keys("Enter")
	if fix {
		s.waitFor("All steps are done")
		s.waitForWithin(waitChecks, "Press enter or q to close.")
		s.keys("Enter")
		s.waitExit(0)
		return
	}
	scr = s.waitForWithin(waitChecks, "Finished with 1 problem")
	for _, want := range []string{"✗ line.bot", "press g to go to step 2 “Switch Chat on”", "exit code 3"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the end lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, "All steps are done") {
		t.Errorf("the end says done while a check fails:\n%s", scr)
	}
	s.keys("Enter")
	scr = s.waitExit(3)
	if !strings.Contains(scr, "✗ Finished with 1 problem: line.bot (step 2 “Switch Chat on”). (exit code 3)") {
		t.Errorf("the terminal does not keep what failed:\n%s", scr)
	}
}

// assertVerification checks that the file records a pass for each id.
func assertVerification(t *testing.T, c *config.Config, ids ...string) {
	t.Helper()
	assertVerificationStatus(t, c, "pass", ids...)
}

// assertVerificationStatus checks that the file records status for each id.
func assertVerificationStatus(t *testing.T, c *config.Config, want string, ids ...string) {
	t.Helper()
	if c.Verification == nil || c.Verification.At.IsZero() {
		t.Fatalf("the file has no verification section")
	}
	status := map[string]string{}
	for _, r := range c.Verification.Results {
		status[r.ID] = r.Status
	}
	for _, id := range ids {
		if status[id] != want {
			t.Errorf("verification result of %s is %q, want %s", id, status[id], want)
		}
	}
}

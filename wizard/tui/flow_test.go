package tui

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// testFlow is a small flow with one step of each sort the screen draws.
func testFlow() *steps.Flow {
	minLen := func(n int) steps.Validator {
		return func(v string, _ steps.Answers) *steps.Problem {
			if len(v) < n {
				return &steps.Problem{Rule: steps.T("is too short.", "短すぎます。"), Fix: steps.T("Copy the whole value.", "値を全部コピーしてください。")}
			}
			return nil
		}
	}
	https := func(v string, _ steps.Answers) *steps.Problem {
		if !strings.HasPrefix(v, "https://") {
			return &steps.Problem{Rule: steps.T("must start with https://.", "https://で始まる必要があります。"), Fix: steps.T("Copy the address from the CMS.", "CMSからアドレスをコピーしてください。")}
		}
		return nil
	}
	linee := func(v string, _ steps.Answers) *steps.Problem {
		if !strings.HasPrefix(v, "https://lin.ee/") {
			return &steps.Problem{Severity: steps.Warning, Rule: steps.T("is not a lin.ee link.", "lin.eeのリンクではありません。"), Fix: steps.T("Check it is the add-friend link.", "友だち追加リンクか確かめてください。")}
		}
		return nil
	}
	return &steps.Flow{
		ID: "test", Provider: "line", Title: steps.T("Test flow", "テストの流れ"),
		Preset: steps.Answers{"line.flow": "new"},
		Steps: []*steps.Step{
			{
				ID: "t.intro", Title: steps.T("Start", "はじめに"),
				Body: steps.T("Welcome.", "ようこそ。"),
				Fields: []steps.Field{
					{Key: "line.account_name", Label: steps.T("Account name", "アカウント名"), Kind: steps.KindText, Validate: []steps.Validator{minLen(3)}},
					{Key: "line.provider_name", Label: steps.T("Provider name", "プロバイダー名"), Kind: steps.KindText, Optional: true},
				},
			},
			{
				ID: "t.console", Title: steps.T("Switch chat on", "チャットをオンにする"),
				Body:    steps.T("Open the manager and switch Chat on.", "管理画面でチャットをオンにします。"),
				Warn:    steps.T("This cannot be undone.", "元に戻せません。"),
				Links:   []steps.Link{{Label: steps.T("Manager", "管理画面"), URL: "https://manager.example/"}, {Label: steps.T("Console", "コンソール"), URL: "https://console.example/"}},
				Confirm: steps.T("Chat is on", "チャットをオンにした"),
			},
			{
				ID: "t.collect", Title: steps.T("Collect", "値を集める"),
				Fields: []steps.Field{
					{Key: "line.messaging_api.channel_access_token", Label: steps.T("Token", "トークン"), Kind: steps.KindSecret, Validate: []steps.Validator{minLen(10)}},
					{Key: "line.messaging_api.add_friend_url", Label: steps.T("Add-friend URL", "友だち追加URL"), Kind: steps.KindURL, Validate: []steps.Validator{https, linee}},
				},
				Checks: []string{"t.token"},
			},
			{
				ID: "t.cms", Title: steps.T("Hand over", "CMSに渡す"), Handover: true,
				Confirm: steps.T("Pasted", "貼り付けた"),
			},
			{
				ID: "t.hook", Title: steps.T("Webhook", "Webhook"),
				Fields: []steps.Field{{Key: "line.messaging_api.webhook_url", Label: steps.T("Webhook URL", "Webhook URL"), Kind: steps.KindURL, Validate: []steps.Validator{https}}},
				Checks: []string{"t.webhook"},
			},
		},
	}
}

package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/internal/hostile"
	"github.com/setup-wizard/setup-wizard/internal/sample"
)

// peakBudgetMB is the most memory the process may hold while every API answers with a
// 100 MB body or a gzip bomb (issue 7): the client passes on at most 1 MiB of any answer.
const peakBudgetMB = 150

// BenchmarkHostileMemory runs `setup-wizard verify` on a full LINE and NAVER config while
// every API call is answered by internal/hostile with a 100 MB error body, or a 2 MB gzip
// bomb that expands to 2 GB, and reports the process's peak RSS as "peak-MB" (budget
// 150). Before the 1 MiB cap the LINE SDK read whole bodies: 0.6–2 GB.
func BenchmarkHostileMemory(b *testing.B) {
	bin := binary(b)
	dir := b.TempDir()
	cfg := filepath.Join(dir, "shop.yaml")
	for _, mode := range []hostile.Mode{hostile.Big, hostile.GzipBomb, hostile.Endless} {
		b.Run(string(mode), func(b *testing.B) {
			peak := 0.0
			for i := 0; i < b.N; i++ {
				if err := writeShop(cfg); err != nil {
					b.Fatal(err)
				}
				env := append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "LANG=en_US.UTF-8")
				var servers []*hostile.Server
				for _, v := range []string{"SETUP_WIZARD_LINE_API_URL", "SETUP_WIZARD_LINE_ACCESS_URL", "SETUP_WIZARD_NAVER_NID_URL", "SETUP_WIZARD_NAVER_OPENAPI_URL"} {
					s, err := hostile.New(mode, "", "")
					if err != nil {
						b.Fatal(err)
					}
					servers = append(servers, s)
					env = append(env, v+"="+s.URL)
				}
				cmd := exec.Command(bin, "verify", "-c", cfg)
				cmd.Env = env
				out, err := cmd.CombinedOutput()
				for _, s := range servers {
					s.Close()
				}
				if code := cmd.ProcessState.ExitCode(); code != 3 && code != 4 {
					b.Fatalf("exit %d (%v), want 3 or 4 (a check failed or could not tell):\n%s", code, err, out)
				}
				attacked := 0
				for _, s := range servers {
					attacked += s.Attacked()
				}
				if attacked == 0 {
					b.Fatal("no request reached the hostile servers")
				}
				ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				if !ok {
					b.Skip("no rusage on this OS")
				}
				peak = max(peak, float64(ru.Maxrss)/1024) // Linux: KiB
			}
			b.ReportMetric(peak, "peak-MB")
			if peak > peakBudgetMB {
				b.Errorf("peak RSS %.0f MB, budget %d MB", peak, peakBudgetMB)
			}
		})
	}
}

// writeShop writes a full LINE and NAVER config of the sample values; the add-friend URL
// names the bot directly, so nothing resolves a lin.ee link on the internet.
func writeShop(path string) error {
	c, unknown := config.FromValues(map[string]string{
		"line.flow":                               "new",
		"line.account_name":                       sample.AccountName,
		"line.provider_name":                      sample.ProviderName,
		"line.policy.privacy_policy_url":          sample.PrivacyPolicyURL,
		"line.policy.terms_url":                   sample.TermsURL,
		"line.messaging_api.channel_id":           sample.ChannelID,
		"line.messaging_api.channel_access_token": sample.ChannelAccessToken,
		"line.messaging_api.channel_secret":       sample.ChannelSecret,
		"line.messaging_api.add_friend_url":       "https://line.me/R/ti/p/" + sample.BasicID,
		"line.messaging_api.webhook_url":          sample.WebhookURL,
		"line.login.channel_id":                   sample.LoginChannelID,
		"line.login.channel_secret":               sample.LoginChannelSecret,
		"line.login.callback_url":                 sample.CallbackURL,
		"naver.application_name":                  sample.ShopName,
		"naver.client_id":                         sample.NaverClientID,
		"naver.client_secret":                     sample.NaverClientSecret,
		"naver.items.name":                        "true",
		"naver.items.email":                       "false",
		"naver.pc_web.service_url":                "https://sample.com",
		"naver.pc_web.callback_urls":              "https://sample.com\nhttps://www.sample.com",
		"naver.mobile_web.service_url":            "https://m.sample.com",
		"naver.mobile_web.callback_urls":          "https://m.sample.com",
		"naver.platform":                          "cafe24",
		"naver.review_status":                     "development",
	})
	if unknown != nil {
		return fmt.Errorf("config keys: %v", unknown)
	}
	return config.Save(path, c)
}

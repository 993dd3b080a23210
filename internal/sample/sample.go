// Package sample holds the values --sandbox offers and the emulator accepts, so that a
// newcomer can walk every flow offline with every check green. None of them is real.
package sample

const (
	AccountName  = "Salon Sandbox"
	ProviderName = "Sandbox Inc."
	BasicID      = "@123sbxab"
	// ChannelAccessToken looks like a long-lived token: 172 base64 characters.
	ChannelAccessToken = "djdHWlNKYdRqGiBsDwjVrNWyp8jOaGfTfvXYvWUzouJ07twBEHW74pwJaFpJr+Kf0/iTlKXHyaZ45Ibqwyz+sodbA19fW8Oyyv7sVRZYFQmlGSuvtW6u5qnSr28Lw1MY+P76j5tpzaFzvf/X9iuBLdo5HsCueaaEvGngySRbi6b1"
	ChannelID          = "2000000001"
	ChannelSecret      = "5b9e0c7d1a2f4e6b8c0d2e4f6a8b0c1d"
	AddFriendURL       = "https://lin.ee/SbxAbCd"
	PrivacyPolicyURL   = "https://cms.example.com/privacy"
	TermsURL           = "https://cms.example.com/terms"
	WebhookURL         = "https://cms.example.com/line/webhook"
	LoginChannelID     = "2000000002"
	LoginChannelSecret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
	CallbackURL        = "https://cms.example.com/line/callback"

	ShopName          = "Sample Shop"
	ShopDomain        = "sample.com"
	NaverClientID     = "SbxClientId0000Abc12"
	NaverClientSecret = "Sbx0Secr3t"
)

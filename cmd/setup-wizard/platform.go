package main

import (
	"context"
	"errors"
	"strings"

	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/steps"
)

var (
	flagPlatform = steps.T(
		"the shop's platform: leporto, cafe24, generic or a profile file",
		"お店のプラットフォーム：leporto、cafe24、genericまたはプロファイルのファイル")
	msgWhichPlatform = steps.T("Which platform does the shop use?", "お店が使っているプラットフォームはどれですか？")
	msgNotForThis    = steps.T(
		"--platform %s has no %s part: choose a platform that offers it (built in: %s), or leave --platform out",
		"--platform %sには%sの設定がありません。それを提供するプラットフォーム（組み込み：%s）を指定するか、--platformを外してください")
)

// platformFor is the platform profile for provider: --platform (or SETUP_WIZARD_PLATFORM),
// else Cafe24 when the NAVER answers say so, else the one built-in profile that fits,
// else the operator's choice; generic when nobody can be asked.
func (a *App) platformFor(ctx context.Context, provider string, given steps.Answers) (*platform.Profile, error) {
	name := strings.TrimSpace(a.Platform)
	if name == "" {
		name = strings.TrimSpace(a.Getenv("SETUP_WIZARD_PLATFORM"))
	}
	if name != "" {
		p, err := platform.Load(name)
		var le *platform.LoadError
		if errors.As(err, &le) {
			return nil, usagef("--platform %s", le.In(a.lang))
		}
		if err != nil {
			return nil, err
		}
		if !p.Offers(provider) {
			return nil, usagef(a.text(msgNotForThis), name, strings.ToUpper(provider), strings.Join(ids(platform.For(provider)), ", "))
		}
		return p, nil
	}
	if provider == "naver" && given.Get("naver.platform") == "cafe24" {
		p, _ := platform.Builtin("cafe24")
		return p, nil
	}
	fits := platform.For(provider)
	if len(fits) == 1 || !a.interactive() {
		return platform.MustGeneric(), nil
	}
	var opts []steps.Option
	for _, p := range fits {
		opts = append(opts, steps.Option{Value: p.ID, Label: p.ChooserLabel()})
	}
	id, err := a.choose(ctx, msgWhichPlatform, []string{"--platform"}, opts)
	if err != nil {
		return nil, err
	}
	p, _ := platform.Builtin(id)
	return p, nil
}

func ids(ps []*platform.Profile) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

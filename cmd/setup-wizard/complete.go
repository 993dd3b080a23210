package main

import (
	"fmt"
	"strings"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/wizard"
	"github.com/setup-wizard/setup-wizard/wizard/plain"
)

// incomplete reports the values that a section of c lacks or holds in a form its flow
// refuses. A check whose value is missing does not run at all, so without this a file
// with no webhook URL would verify as working with the webhook never checked.
// Confirmations of console steps (flow.* keys) are not in a config file and not asked for.
func incomplete(path string, c *config.Config, answers steps.Answers, l steps.Lang) error {
	var flows []*steps.Flow
	if c.LINE != nil {
		f := line.FlowByID("line." + c.LINE.Flow)
		if f == nil {
			f = line.FlowNew()
		}
		flows = append(flows, f)
	}
	if c.NAVER != nil {
		flows = append(flows, naver.Flow())
	}
	var lines []string
	for _, f := range flows {
		for _, p := range wizard.New(f, answers).Validate() {
			if p.Severity != steps.Error || strings.HasPrefix(p.Field, "flow.") {
				continue
			}
			lines = append(lines, "  "+plain.ProblemLine(l, p))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return fmt.Errorf(msgIncomplete.In(l)+"\n%s", path, path, strings.Join(lines, "\n"))
}

var msgIncomplete = steps.T(
	"%s lacks values that its live checks need (or holds them in a form the wizard refuses), so it cannot be called working: complete it with 'setup-wizard replay %s', or fix these keys:",
	"%sには、接続確認に必要な値が欠けているか、受け付けられない形の値があります。このままでは動作を確認できません。「setup-wizard replay %s」で開いて入力するか、次の項目を直してください：")

package wizard_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
	"github.com/setup-wizard/setup-wizard/wizard"
)

// Answer keys of the test flow.
const (
	kPreset    = "test.preset"
	kName      = "test.name"
	kSkipExtra = "flow.test.skip_extra"
	kExtra     = "test.extra"
	kSlug      = "test.slug"
	kURL       = "test.url"
	kNote      = "test.note"
)

// noDigits is an error when the value holds a digit.
func noDigits(v string, _ steps.Answers) *steps.Problem {
	if strings.ContainsAny(v, "0123456789") {
		return &steps.Problem{Rule: steps.T("must not hold digits.", "数字は使えません。")}
	}
	return nil
}

// atMost5 is an error when the value is longer than 5 characters.
func atMost5(v string, _ steps.Answers) *steps.Problem {
	if len(v) > 5 {
		return &steps.Problem{Rule: steps.T("at most 5 characters.", "5文字までです。")}
	}
	return nil
}

// longIsOdd is only a warning.
func longIsOdd(v string, _ steps.Answers) *steps.Problem {
	if len(v) > 10 {
		return &steps.Problem{Severity: steps.Warning, Rule: steps.T("is unusually long.", "長すぎるようです。")}
	}
	return nil
}

// testFlow: a step that is always skipped (so the walk does not start at index 0), an
// intro whose yes/no skips the next step, a step of derived values where one derives
// from the other, and an optional last step that can only warn.
func testFlow() *steps.Flow {
	return &steps.Flow{
		ID:       "test",
		Provider: "test",
		Preset:   steps.Answers{kPreset: "p", kName: "preset"},
		Steps: []*steps.Step{
			{ID: "t.hidden", Skip: func(steps.Answers) bool { return true },
				Fields: []steps.Field{{Key: "test.hidden", Kind: steps.KindText}}},
			{ID: "t.intro", Fields: []steps.Field{
				{Key: kName, Kind: steps.KindText, Validate: []steps.Validator{noDigits}},
				{Key: kSkipExtra, Kind: steps.KindConfirm},
			}},
			{ID: "t.extra", Skip: func(a steps.Answers) bool { return a.Bool(kSkipExtra) },
				Fields: []steps.Field{{Key: kExtra, Kind: steps.KindText, Validate: []steps.Validator{atMost5}}}},
			{ID: "t.derived", Fields: []steps.Field{
				{Key: kSlug, Kind: steps.KindText, Derive: func(a steps.Answers) string { return strings.ToLower(a.Get(kName)) }},
				{Key: kURL, Kind: steps.KindURL, Derive: func(a steps.Answers) string {
					if s := a.Get(kSlug); s != "" {
						return "https://" + s + ".example"
					}
					return ""
				}},
			}},
			{ID: "t.last", Fields: []steps.Field{{Key: kNote, Kind: steps.KindText, Optional: true, Validate: []steps.Validator{longIsOdd}}}},
		},
	}
}

func curID(e *wizard.Engine) string {
	if s := e.Current(); s != nil {
		return s.ID
	}
	return "<finished>"
}

func visibleIDs(e *wizard.Engine) []string {
	var out []string
	for _, s := range e.Visible() {
		out = append(out, s.ID)
	}
	return out
}

func wantAt(t *testing.T, e *wizard.Engine, id string, n, total int) {
	t.Helper()
	if got := curID(e); got != id {
		t.Fatalf("current step %s, want %s", got, id)
	}
	if gn, gt := e.Position(); gn != n || gt != total {
		t.Fatalf("position %d/%d at %s, want %d/%d", gn, gt, id, n, total)
	}
}

// mustNext passes the current step and fails the test on any error.
func mustNext(t *testing.T, e *wizard.Engine) {
	t.Helper()
	from := curID(e)
	if errs := wizard.Errors(e.Next()); len(errs) > 0 {
		t.Fatalf("Next at %s: %v", from, problemList(errs))
	}
	if curID(e) == from {
		t.Fatalf("Next at %s did not move", from)
	}
}

func problemList(ps []steps.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Field+": "+p.Message(steps.EN))
	}
	return out
}

func TestNewPresetThenGiven(t *testing.T) {
	fl := testFlow()
	given := steps.Answers{kName: "given", kExtra: "x"}
	e := wizard.New(fl, given)

	raw := e.Raw()
	want := steps.Answers{kPreset: "p", kName: "given", kExtra: "x"}
	if !maps.Equal(raw, want) {
		t.Fatalf("Raw after New = %v, want %v", raw, want)
	}
	// The first step is skipped: the walk starts at the next one.
	wantAt(t, e, "t.intro", 1, 4)
	if e.State("t.hidden") != wizard.Todo {
		t.Errorf("skipped step state %v, want Todo", e.State("t.hidden"))
	}
	if e.Flow() != fl {
		t.Error("Flow() is not the flow given to New")
	}

	// The engine keeps its own copy: neither the preset nor the given map changes.
	e.Set(kPreset, "changed")
	e.Set(kName, "")
	if fl.Preset[kPreset] != "p" || given[kName] != "given" {
		t.Errorf("Set reached the caller's maps: preset %v, given %v", fl.Preset, given)
	}
	// Raw is a copy too.
	raw[kNote] = "x"
	if e.Value(kNote) != "" {
		t.Error("changing Raw's result changed the engine")
	}
}

func TestNewAllSkippedIsFinished(t *testing.T) {
	fl := &steps.Flow{ID: "none", Steps: []*steps.Step{{ID: "a", Skip: func(steps.Answers) bool { return true }}}}
	e := wizard.New(fl, nil)
	if !e.Finished() || e.Current() != nil {
		t.Fatalf("a flow whose every step is skipped should be finished, at %s", curID(e))
	}
	if n, total := e.Position(); n != 0 || total != 0 {
		t.Errorf("Position %d/%d, want 0/0", n, total)
	}
}

func TestNextStopsOnErrors(t *testing.T) {
	e := wizard.New(testFlow(), nil)
	e.Set(kName, "Shop9")
	ps := e.Next()
	if len(ps) != 1 {
		t.Fatalf("Next returned %v, want one problem", problemList(ps))
	}
	if p := ps[0]; p.Field != kName || p.Severity != steps.Error || !strings.Contains(p.Message(steps.EN), "digits") {
		t.Errorf("problem %+v, want an error on %s about digits", p, kName)
	}
	wantAt(t, e, "t.intro", 1, 4)
	if e.State("t.intro") != wizard.Current {
		t.Errorf("state of a refused step %v, want Current", e.State("t.intro"))
	}

	// A required value that is missing is an error too, naming the key.
	// The preset name was replaced above; removing the answer leaves it empty.
	e.Set(kName, "")
	ps = e.Next()
	if len(ps) != 1 || ps[0].Field != kName || ps[0].Severity != steps.Error {
		t.Fatalf("missing required value: %v", problemList(ps))
	}
	if curID(e) != "t.intro" {
		t.Fatal("moved on with a missing required value")
	}

	e.Set(kName, "Shop")
	if ps := e.Next(); len(ps) != 0 {
		t.Fatalf("valid step: %v", problemList(ps))
	}
	wantAt(t, e, "t.extra", 2, 4)
	if e.State("t.intro") != wizard.Done {
		t.Errorf("passed step state %v, want Done", e.State("t.intro"))
	}
}

func TestNextMovesOnWithWarnings(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kSkipExtra: "true"})
	if !e.GoTo("t.last") {
		t.Fatal("GoTo t.last")
	}
	e.Set(kNote, "a rather long note")
	ps := e.Next()
	if len(ps) != 1 || ps[0].Severity != steps.Warning || ps[0].Field != kNote {
		t.Fatalf("want one warning on %s, got %v", kNote, problemList(ps))
	}
	if len(wizard.Errors(ps)) != 0 {
		t.Error("Errors kept a warning")
	}
	if !e.Finished() || e.Current() != nil {
		t.Fatalf("a warning stopped the flow at %s", curID(e))
	}
	if n, total := e.Position(); n != 3 || total != 3 {
		t.Errorf("finished position %d/%d, want 3/3", n, total)
	}
	if e.State("t.last") != wizard.Done {
		t.Errorf("last step state %v, want Done", e.State("t.last"))
	}
	if ps := e.Next(); ps != nil {
		t.Errorf("Next after the end returned %v", problemList(ps))
	}
}

func TestErrorsKeepsOnlyErrors(t *testing.T) {
	ps := []steps.Problem{
		{Field: "a", Severity: steps.Warning},
		{Field: "b", Severity: steps.Error},
		{Field: "c", Severity: steps.Warning},
		{Field: "d", Severity: steps.Error},
	}
	got := wizard.Errors(ps)
	if len(got) != 2 || got[0].Field != "b" || got[1].Field != "d" {
		t.Errorf("Errors = %v", got)
	}
	if ps[0].Field != "a" || ps[1].Field != "b" || ps[2].Field != "c" {
		t.Errorf("Errors changed its argument: %v", ps)
	}
}

// TestWalkPositions walks the test flow with and without the optional step, checking
// the position and every state on the way.
func TestWalkPositions(t *testing.T) {
	for _, c := range []struct {
		name  string
		skip  string
		steps []string
	}{
		{"with extra", "false", []string{"t.intro", "t.extra", "t.derived", "t.last"}},
		{"without extra", "true", []string{"t.intro", "t.derived", "t.last"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := wizard.New(testFlow(), steps.Answers{kSkipExtra: c.skip, kExtra: "ok"})
			if got := visibleIDs(e); !slices.Equal(got, c.steps) {
				t.Fatalf("Visible = %v, want %v", got, c.steps)
			}
			for i, id := range c.steps {
				wantAt(t, e, id, i+1, len(c.steps))
				for j, other := range c.steps {
					want := wizard.Todo
					switch {
					case j < i:
						want = wizard.Done
					case j == i:
						want = wizard.Current
					}
					if got := e.State(other); got != want {
						t.Errorf("at %s: state of %s is %v, want %v", id, other, got, want)
					}
				}
				mustNext(t, e)
			}
			if !e.Finished() {
				t.Fatal("not finished after the last step")
			}
			n, total := e.Position()
			if n != len(c.steps) || total != len(c.steps) {
				t.Errorf("finished position %d/%d", n, total)
			}
		})
	}
}

func TestNextWritesDerivedValues(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon", kSkipExtra: "true"})
	mustNext(t, e) // intro
	wantAt(t, e, "t.derived", 2, 3)

	// Shown, not yet saved.
	if got := e.Value(kSlug); got != "salon" {
		t.Errorf("Value(slug) = %q, want the derived salon", got)
	}
	if _, ok := e.Raw()[kSlug]; ok {
		t.Error("a derived value is in Raw before its step was passed")
	}
	if got := e.Answers()[kURL]; got != "https://salon.example" {
		t.Errorf("Answers()[url] = %q", got)
	}

	mustNext(t, e)
	raw := e.Raw()
	if raw[kSlug] != "salon" || raw[kURL] != "https://salon.example" {
		t.Fatalf("passing the step did not save what was shown: %v", raw)
	}
	// Saved values no longer follow the answers they came from.
	e.Set(kName, "Other")
	if got := e.Value(kSlug); got != "salon" {
		t.Errorf("saved slug changed to %q when the name changed", got)
	}
	// Fields of steps not yet passed are not written.
	if _, ok := raw[kNote]; ok {
		t.Error("a later step's field was written")
	}
}

// TestValueMatchesAnswers: what a front end shows for a field (Value) is what passing
// the step saves (Answers), even when a derived value builds on another derived one.
func TestValueMatchesAnswers(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon"})
	a := e.Answers()
	for _, k := range []string{kPreset, kName, kSlug, kURL, kNote, "no.such.key"} {
		if got := e.Value(k); got != a.Get(k) {
			t.Errorf("Value(%s) = %q, Answers has %q", k, got, a.Get(k))
		}
	}
	if e.Value(kURL) != "https://salon.example" {
		t.Errorf("Value(url) = %q", e.Value(kURL))
	}
}

func TestSetEmptyRemovesAnswer(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon"})
	e.Set(kSlug, "custom")
	if e.Value(kSlug) != "custom" || e.Answers()[kSlug] != "custom" || e.Raw()[kSlug] != "custom" {
		t.Fatalf("a set value should beat the derived one: %q", e.Value(kSlug))
	}
	if e.Value(kURL) != "https://custom.example" {
		t.Errorf("a value derived from a set one: %q", e.Value(kURL))
	}
	e.Set(kSlug, "")
	if _, ok := e.Raw()[kSlug]; ok {
		t.Error(`Set("") left the key in Raw`)
	}
	if e.Value(kSlug) != "salon" || e.Answers()[kSlug] != "salon" {
		t.Errorf(`after Set(""), the derived value should show again: %q`, e.Value(kSlug))
	}
	// Answers fills in derived values; Raw does not.
	if _, ok := e.Raw()[kURL]; ok {
		t.Error("Raw holds a derived value")
	}
	// A key no field derives is simply gone.
	e.Set(kPreset, "")
	if e.Value(kPreset) != "" {
		t.Errorf("Value of a removed answer = %q", e.Value(kPreset))
	}
}

func TestBackKeepsValues(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon", kSkipExtra: "false"})
	if e.Back() {
		t.Fatal("Back on the first visible step reported true")
	}
	wantAt(t, e, "t.intro", 1, 4)

	mustNext(t, e)
	e.Set(kExtra, "ab")
	mustNext(t, e)
	mustNext(t, e) // derived: slug and url written
	mustNext(t, e) // last
	before := e.Raw()

	for _, id := range []string{"t.last", "t.derived", "t.extra", "t.intro"} {
		if !e.Back() {
			t.Fatalf("Back towards %s reported false", id)
		}
		if curID(e) != id {
			t.Fatalf("Back went to %s, want %s", curID(e), id)
		}
		if !maps.Equal(e.Raw(), before) {
			t.Fatalf("Back to %s changed the answers: %v, was %v", id, e.Raw(), before)
		}
	}
	if e.Back() {
		t.Error("Back on the first step reported true")
	}
	// Steps passed earlier keep showing as done while the operator looks back.
	if e.State("t.last") != wizard.Done || e.State("t.intro") != wizard.Current {
		t.Errorf("states after going back: last %v, intro %v", e.State("t.last"), e.State("t.intro"))
	}
	// Going forward again keeps the values too.
	mustNext(t, e)
	if e.Value(kExtra) != "ab" {
		t.Errorf("extra lost: %q", e.Value(kExtra))
	}
}

func TestBackJumpsOverSkippedSteps(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon", kSkipExtra: "true"})
	mustNext(t, e)
	wantAt(t, e, "t.derived", 2, 3)
	if !e.Back() || curID(e) != "t.intro" {
		t.Fatalf("Back from t.derived went to %s, want t.intro over the skipped t.extra", curID(e))
	}
}

func TestGoTo(t *testing.T) {
	for _, c := range []struct {
		id   string
		skip string
		ok   bool
	}{
		{"t.last", "true", true},
		{"t.intro", "true", true},
		{"t.extra", "false", true},
		{"t.extra", "true", false}, // skipped
		{"t.hidden", "false", false},
		{"no.such.step", "false", false},
		{"", "false", false},
	} {
		e := wizard.New(testFlow(), steps.Answers{kSkipExtra: c.skip})
		mustNext(t, e)
		from := curID(e)
		if got := e.GoTo(c.id); got != c.ok {
			t.Errorf("GoTo(%q) with skip=%s = %v, want %v", c.id, c.skip, got, c.ok)
		}
		want := from
		if c.ok {
			want = c.id
		}
		if curID(e) != want {
			t.Errorf("after GoTo(%q): at %s, want %s", c.id, curID(e), want)
		}
	}

	// GoTo leaves a finished flow.
	e := wizard.New(testFlow(), steps.Answers{kSkipExtra: "true"})
	for !e.Finished() {
		mustNext(t, e)
	}
	if !e.GoTo("t.intro") || e.Finished() || curID(e) != "t.intro" {
		t.Errorf("GoTo from the end: at %s", curID(e))
	}
}

func TestLearn(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kName: "Salon", kExtra: "abc"})
	e.Learn(map[string]string{kSlug: "learnt", kExtra: "", "test.bot_id": "@123"})
	if e.Value(kSlug) != "learnt" || e.Raw()[kSlug] != "learnt" {
		t.Errorf("learnt value not merged: %q", e.Value(kSlug))
	}
	if e.Value(kExtra) != "abc" {
		t.Errorf("an empty learnt value removed an answer: %q", e.Value(kExtra))
	}
	if e.Value("test.bot_id") != "@123" {
		t.Error("a learnt value for a key no field asks for was dropped")
	}
	if e.Value(kURL) != "https://learnt.example" {
		t.Errorf("derived values do not follow a learnt one: %q", e.Value(kURL))
	}
	e.Learn(nil)
}

func TestStateFollowsTheLedger(t *testing.T) {
	e := wizard.New(testFlow(), steps.Answers{kSkipExtra: "true"})
	mustNext(t, e) // intro done, now at t.derived

	fail := func(id, step string) verify.Result {
		return verify.Result{ID: id, Status: verify.Fail, Step: step}
	}
	e.Ledger().Record(fail("c.intro", "t.intro"), "")     // done → failed
	e.Ledger().Record(fail("c.derived", "t.derived"), "") // current → failed
	e.Ledger().Record(fail("c.last", "t.last"), "")       // todo → failed
	e.Ledger().Record(fail("c.extra", "t.extra"), "")     // skipped: the check ran nowhere visible
	for _, c := range []struct {
		id   string
		want wizard.StepState
	}{
		{"t.intro", wizard.Failed},
		{"t.derived", wizard.Failed},
		{"t.last", wizard.Failed},
		{"t.extra", wizard.Todo},
		{"no.such.step", wizard.Todo},
	} {
		if got := e.State(c.id); got != c.want {
			t.Errorf("State(%s) = %v, want %v", c.id, got, c.want)
		}
	}

	for _, id := range []string{"c.intro", "c.derived", "c.last", "c.extra"} {
		e.Ledger().Record(verify.Result{ID: id, Status: verify.Pass}, "")
	}
	for id, want := range map[string]wizard.StepState{
		"t.intro": wizard.Done, "t.derived": wizard.Current, "t.last": wizard.Todo, "t.extra": wizard.Todo,
	} {
		if got := e.State(id); got != want {
			t.Errorf("after passing again, State(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestValidateVisibleStepsInOrder(t *testing.T) {
	bad := steps.Answers{
		"test.hidden": "", // required, but its step is always skipped
		kName:         "Shop1",
		kExtra:        "far too long",
		kNote:         "a rather long note",
	}
	for _, c := range []struct {
		skip string
		want []string
	}{
		{"false", []string{kName, kExtra, kNote}},
		{"true", []string{kName, kNote}},
	} {
		a := bad.Clone()
		a[kSkipExtra] = c.skip
		e := wizard.New(testFlow(), a)
		var got []string
		for _, p := range e.Validate() {
			got = append(got, p.Field)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("skip=%s: Validate fields %v, want %v", c.skip, got, c.want)
		}
		if curID(e) != "t.intro" {
			t.Error("Validate moved the engine")
		}
	}

	e := wizard.New(testFlow(), steps.Answers{kName: "Shop", kExtra: "ok"})
	if ps := e.Validate(); len(ps) != 0 {
		t.Errorf("valid answers: %v", problemList(ps))
	}
}

// sampleAnswers fills every field of fl with its sandbox sample.
func sampleAnswers(fl *steps.Flow) steps.Answers {
	a := steps.Answers{}
	for _, s := range fl.Steps {
		for _, f := range s.Fields {
			if f.Sample != "" {
				a[f.Key] = f.Sample
			}
		}
	}
	return a
}

func TestLineFirstTimeBranches(t *testing.T) {
	all := []string{
		"line.intro", "line.create_oa", "line.verify_account", "line.chat_on", "line.developers_register",
		"line.provider", "line.messaging_api", "line.login_channel", "line.publish_login", "line.collect",
		"line.cms", "line.webhook", "line.callback",
	}
	without := func(ids ...string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(s string) bool { return slices.Contains(ids, s) })
	}
	for _, c := range []struct {
		exists, verified string
		want             []string
	}{
		{"", "", all},
		{"false", "false", all},
		{"true", "false", without("line.create_oa")},
		{"false", "true", without("line.verify_account")},
		{"true", "true", without("line.create_oa", "line.verify_account")},
	} {
		a := steps.Answers{"line.account_name": "Salon Sandbox"}
		if c.exists != "" {
			a[line.FlowOAExists] = c.exists
		}
		if c.verified != "" {
			a[line.FlowVerified] = c.verified
		}
		e := wizard.New(line.FlowNew(), a)
		if got := visibleIDs(e); !slices.Equal(got, c.want) {
			t.Errorf("exists=%q verified=%q: Visible %v, want %v", c.exists, c.verified, got, c.want)
		}
		if e.Value("line.flow") != "new" {
			t.Errorf("preset line.flow = %q", e.Value("line.flow"))
		}
		wantAt(t, e, "line.intro", 1, len(c.want))
		mustNext(t, e)
		wantAt(t, e, c.want[1], 2, len(c.want))
		for _, id := range []string{"line.create_oa", "line.verify_account"} {
			if !slices.Contains(c.want, id) && e.GoTo(id) {
				t.Errorf("GoTo(%s) reached a skipped step", id)
			}
		}
	}
}

// TestLineChangeOfMind: the operator says the account exists and is verified, passes the
// intro, comes back and says it does not exist after all: the create step comes back.
func TestLineChangeOfMind(t *testing.T) {
	e := wizard.New(line.FlowNew(), steps.Answers{
		"line.account_name": "Salon Sandbox", line.FlowOAExists: "true", line.FlowVerified: "true",
	})
	mustNext(t, e)
	wantAt(t, e, "line.chat_on", 2, 11)

	if !e.Back() {
		t.Fatal("Back from line.chat_on")
	}
	wantAt(t, e, "line.intro", 1, 11)
	e.Set(line.FlowOAExists, "false")
	if !slices.Contains(visibleIDs(e), "line.create_oa") {
		t.Fatal("line.create_oa still hidden after the answer changed")
	}
	if n, total := e.Position(); n != 1 || total != 12 {
		t.Errorf("position %d/%d, want 1/12", n, total)
	}
	mustNext(t, e)
	wantAt(t, e, "line.create_oa", 2, 12)
	if e.Value("line.account_name") != "Salon Sandbox" || e.Value(line.FlowVerified) != "true" {
		t.Error("answers lost on the way back")
	}

	// Not verified after all: verification comes back right after create_oa.
	e.Set(line.FlowVerified, "false")
	mustNext(t, e)
	wantAt(t, e, "line.verify_account", 3, 13)
	if e.State("line.create_oa") != wizard.Done {
		t.Errorf("line.create_oa state %v, want Done", e.State("line.create_oa"))
	}
}

// TestRealFlowsWalkWithSamples walks every real flow with its sandbox samples from the
// first screen to the end; the webhook consent's derived yes is saved on the way.
func TestRealFlowsWalkWithSamples(t *testing.T) {
	for _, fl := range []*steps.Flow{line.FlowNew(), line.FlowSwitch(), naver.Flow()} {
		t.Run(fl.ID, func(t *testing.T) {
			e := wizard.New(fl, sampleAnswers(fl))
			if ps := wizard.Errors(e.Validate()); len(ps) != 0 {
				t.Fatalf("sample answers do not validate: %v", problemList(ps))
			}
			_, total := e.Position()
			for i := 1; !e.Finished(); i++ {
				if n, tt := e.Position(); n != i || tt != total {
					t.Fatalf("at %s: position %d/%d, want %d/%d", curID(e), n, tt, i, total)
				}
				mustNext(t, e)
			}
			for _, s := range e.Visible() {
				if e.State(s.ID) != wizard.Done {
					t.Errorf("%s is %v at the end", s.ID, e.State(s.ID))
				}
			}
			if fl.Provider == "line" && e.Raw()[line.FlowSetWebhook] != "true" {
				t.Errorf("derived webhook consent not saved: %q", e.Raw()[line.FlowSetWebhook])
			}
		})
	}
}

func TestLineSwitchSkipsVerification(t *testing.T) {
	e := wizard.New(line.FlowSwitch(), steps.Answers{"line.account_name": "Salon Sandbox", line.FlowVerified: "true"})
	if e.Value("line.flow") != "switch" {
		t.Errorf("preset line.flow = %q", e.Value("line.flow"))
	}
	mustNext(t, e)
	wantAt(t, e, "line.policy_urls", 2, 8)
	if e.GoTo("line.verify_account") {
		t.Error("GoTo reached the skipped verification step")
	}
}

func TestNaverBranches(t *testing.T) {
	for _, c := range []struct {
		status, platform string
		want             []string
	}{
		{"development", "cafe24", []string{
			"naver.intro", "naver.account", "naver.register", "naver.api", "naver.environments",
			"naver.credentials", "naver.testers", "naver.shop_admin", "naver.capture", "naver.logo", "naver.review",
		}},
		{"requested", "other", []string{
			"naver.intro", "naver.api", "naver.environments", "naver.credentials", "naver.testers", "naver.shop_admin",
		}},
		{"approved", "cafe24", []string{
			"naver.intro", "naver.api", "naver.environments", "naver.credentials", "naver.shop_admin",
		}},
	} {
		e := wizard.New(naver.Flow(), steps.Answers{"naver.review_status": c.status, "naver.platform": c.platform})
		if got := visibleIDs(e); !slices.Equal(got, c.want) {
			t.Errorf("%s/%s: Visible %v, want %v", c.status, c.platform, got, c.want)
		}
		// Exactly one of the two platform variants of the shop admin step is shown, and it
		// is the one for the platform.
		var last *steps.Step
		for _, s := range e.Visible() {
			if s.ID == "naver.shop_admin" {
				last = s
			}
		}
		if !strings.Contains(last.Body.EN, "Cafe24") != (c.platform == "other") {
			t.Errorf("%s: shop admin step worded for the wrong platform", c.platform)
		}
		if !e.GoTo("naver.shop_admin") || e.Current() != last {
			t.Errorf("%s: GoTo(naver.shop_admin) did not reach the visible variant", c.platform)
		}
	}

	// An unanswered review status is derived ("in development") and saved with the intro.
	e := wizard.New(naver.Flow(), steps.Answers{"naver.application_name": "Sample Shop", "naver.platform": "cafe24"})
	if _, ok := e.Raw()["naver.review_status"]; ok {
		t.Fatal("review status answered before the intro")
	}
	mustNext(t, e)
	if e.Raw()["naver.review_status"] != "development" {
		t.Errorf("derived review status not saved: %q", e.Raw()["naver.review_status"])
	}
	wantAt(t, e, "naver.account", 2, 11)
}

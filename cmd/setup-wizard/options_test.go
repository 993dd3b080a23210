package main

import (
	"bytes"
	"strings"
	"testing"
)

// Flag parsing apart from the run (gh's NewCmdX(f, runF) style): each command's Options
// receive the flags and their env mirrors; the run function is not called.
func TestVerifyOptions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want verifyOptions
	}{
		{nil, nil, verifyOptions{Configs: []string{"setup-wizard.yaml"}, Jobs: 8, Rate: 5}},
		{[]string{"-c", "a.yaml", "-c", "dir", "--json", "-j", "3", "--rate", "0", "--no-webhook-test", "--record"}, nil,
			verifyOptions{Configs: []string{"a.yaml", "dir"}, JSON: true, Jobs: 3, Rate: 0, NoWebhookTest: true, Record: true}},
		{nil, map[string]string{"SETUP_WIZARD_CONFIG": "customers", "SETUP_WIZARD_JOBS": "2", "SETUP_WIZARD_NO_WEBHOOK_TEST": "yes"},
			verifyOptions{Configs: []string{"customers"}, Jobs: 2, Rate: 5, NoWebhookTest: true}},
		{[]string{"-j", "4"}, map[string]string{"SETUP_WIZARD_JOBS": "2"}, verifyOptions{Configs: []string{"setup-wizard.yaml"}, Jobs: 4, Rate: 5}},
	} {
		a := &App{IO: &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Getenv: func(k string) string { return tc.env[k] }}
		var got *verifyOptions
		root := newRootCmd(a)
		// Swap the real verify for one whose run only keeps its options.
		for _, c := range root.Commands() {
			if c.Name() == "verify" {
				root.RemoveCommand(c)
			}
		}
		root.AddCommand(newVerifyCmd(a, func(o *verifyOptions) error { got = o; return nil }))
		root.SetArgs(append([]string{"verify"}, tc.args...))
		if err := root.Execute(); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got == nil {
			t.Fatalf("%v: the run was not reached", tc.args)
		}
		g, w := *got, tc.want
		if strings.Join(g.Configs, ",") != strings.Join(w.Configs, ",") || g.JSON != w.JSON || g.Jobs != w.Jobs || g.Rate != w.Rate ||
			g.NoWebhookTest != w.NoWebhookTest || g.Record != w.Record {
			t.Errorf("%v %v: got %+v, want %+v", tc.args, tc.env, g, w)
		}
	}
}

func TestExportOptions(t *testing.T) {
	a := &App{IO: &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, Getenv: func(k string) string {
		return map[string]string{"SETUP_WIZARD_FORMAT": "env"}[k]
	}}
	var got *exportOptions
	root := newRootCmd(a)
	for _, c := range root.Commands() {
		if c.Name() == "export" {
			root.RemoveCommand(c)
		}
	}
	root.AddCommand(newExportCmd(a, func(o *exportOptions) error { got = o; return nil }))
	root.SetArgs([]string{"export", "-c", "x.yaml", "--redact=false", "--force"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Config != "x.yaml" || got.Format != "env" || got.Redact || !got.Force || got.TTY {
		t.Errorf("options %+v", got)
	}
}

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/setup-wizard/setup-wizard/internal/fakeapi"
	"github.com/setup-wizard/setup-wizard/internal/hostile"
	"github.com/setup-wizard/setup-wizard/internal/redact"
	"github.com/setup-wizard/setup-wizard/internal/sample"
)

// TestHostileScripts runs the real binary against internal/hostile: a stand-in for LINE
// and NAVER that echoes secrets, redirects elsewhere, sends huge, compressed-bomb,
// endless or broken bodies, or never answers (testdata/hostile). Requests the attack
// does not target go on to the emulator, so a walk reaches the call under attack.
func TestHostileScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/hostile",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			offlineEnv(env)
			env.Values[hostileKey{}] = &hostileState{}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": exitsCmd,
			// hostile MODE [PATH]: LINE and NAVER are served by a hostile server that
			// answers requests whose path contains PATH (every request without it) in MODE,
			// and passes the others to the emulator.
			"hostile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 1 || len(args) > 2 {
					ts.Fatalf("usage: hostile MODE [PATH]")
				}
				only := ""
				if len(args) == 2 {
					only = args[1]
				}
				acc := fakeapi.SampleLINEAccount()
				acc.WebhookURL, acc.WebhookActive = sample.WebhookURL, true
				ln := fakeapi.NewLINEAccount(acc)
				nv := fakeapi.NewNAVER()
				ts.Defer(func() { ln.Close(); nv.Close() })
				var servers []*hostile.Server
				for _, r := range []struct{ env, upstream string }{
					{"SETUP_WIZARD_LINE_API_URL", ln.APIURL()},
					{"SETUP_WIZARD_LINE_ACCESS_URL", ln.AccessURL()},
					{"SETUP_WIZARD_NAVER_NID_URL", nv.NIDURL()},
					{"SETUP_WIZARD_NAVER_OPENAPI_URL", nv.OpenAPIURL()},
				} {
					s, err := hostile.New(hostile.Mode(args[0]), only, r.upstream)
					ts.Check(err)
					ts.Defer(s.Close)
					ts.Setenv(r.env, s.URL)
					servers = append(servers, s)
				}
				ts.Value(hostileKey{}).(*hostileState).servers = servers
			},
			// attacked: the hostile servers answered at least one request; with !, none.
			"attacked": func(ts *testscript.TestScript, neg bool, args []string) {
				n := 0
				for _, s := range hostileServers(ts) {
					n += s.Attacked()
				}
				if (n > 0) == neg {
					ts.Fatalf("%d requests attacked", n)
				}
			},
			// elsewhere-empty: nothing reached the address the redirects pointed at.
			"elsewhere-empty": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, s := range hostileServers(ts) {
					if got := s.Elsewhere.Requests(); len(got) > 0 {
						ts.Fatalf("the redirect target got %d requests, first:\n%s", len(got), got[0])
					}
				}
			},
			// noleak FILE...: no secret of the sample account shows in FILE, whole or as a
			// run of 12 characters, once invisible characters are stripped and escapes read.
			// With the prefix section=NAME, only the part of FILE from "NAME:" on is read.
			"noleak": func(ts *testscript.TestScript, neg bool, args []string) {
				section := ""
				if len(args) > 0 && strings.HasPrefix(args[0], "section=") {
					section, args = strings.TrimPrefix(args[0], "section=")+":", args[1:]
				}
				for _, f := range args {
					b := ts.ReadFile(f)
					if section != "" {
						i := strings.Index(b, section)
						if i < 0 {
							ts.Fatalf("%s has no %s", f, section)
						}
						b = b[i:]
					}
					for _, s := range sandboxSecrets() {
						if redact.Shows(b, s) != neg {
							ts.Fatalf("%s: secret %q… shown=%v", f, s[:4], !neg)
						}
					}
				}
			},
		},
	})
}

type hostileKey struct{}

type hostileState struct{ servers []*hostile.Server }

func hostileServers(ts *testscript.TestScript) []*hostile.Server {
	s := ts.Value(hostileKey{}).(*hostileState).servers
	if s == nil {
		ts.Fatalf("no hostile server: run hostile MODE first")
	}
	return s
}

// offlineEnv gives a script its own state directory, English and no colour, and points
// every API at a closed port: nothing may reach the real APIs even when a script forgets
// --sandbox.
func offlineEnv(env *testscript.Env) {
	env.Setenv("XDG_STATE_HOME", filepath.Join(env.WorkDir, ".state"))
	env.Setenv("LANG", "en_US.UTF-8")
	env.Setenv("NO_COLOR", "1")
	for _, v := range []string{"SETUP_WIZARD_LINE_API_URL", "SETUP_WIZARD_LINE_ACCESS_URL", "SETUP_WIZARD_NAVER_NID_URL", "SETUP_WIZARD_NAVER_OPENAPI_URL"} {
		env.Setenv(v, "http://127.0.0.1:9")
	}
}

// exitsCmd is "exits N PROG ARGS...": run PROG and require exit code N.
func exitsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || neg {
		ts.Fatalf("usage: exits CODE PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// A panic anywhere in a command is reported on stderr, exit 1, without the secrets of
// the run, even spliced with invisible characters. Before, nothing recovered it and Go
// printed the value as is.
func TestPanicReportHidesSecrets(t *testing.T) {
	tok := sample.ChannelAccessToken
	getenv := func(k string) string {
		switch k {
		case "LINE_CHANNEL_ACCESS_TOKEN":
			return tok
		case "XDG_STATE_HOME":
			return t.TempDir()
		case "SETUP_WIZARD_DEBUG":
			panic("cannot read " + tok[:30] + "\u200b" + tok[30:])
		}
		return ""
	}
	var out, errb strings.Builder
	code := run([]string{"--non-interactive", "line", "--flow", "new"}, &IO{In: strings.NewReader(""), Out: &out, Err: &errb}, getenv)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if redact.Shows(errb.String()+out.String(), tok) || !strings.Contains(errb.String(), "internal error") || !strings.Contains(errb.String(), "cannot read [redacted]") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}

// What is written to os.Stderr while the screen runs (Bubble Tea's report of a panic it
// caught) passes the redaction too.
func TestSafeStderrMasksPanicReports(t *testing.T) {
	tok := sample.ChannelAccessToken
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	real := os.Stderr
	os.Stderr = w
	a := &App{Secrets: redact.New(tok)}
	err = a.safeStderr(func() error {
		fmt.Fprintf(os.Stderr, "Caught panic:\r\n\r\nbad %s\r\n", tok[:40]+"\u200b"+tok[40:])
		return errors.New("screen: program was killed")
	})
	os.Stderr = real
	w.Close()
	got, _ := io.ReadAll(r)
	if err == nil || redact.Shows(string(got), tok) || !strings.Contains(string(got), "bad [redacted]") {
		t.Fatalf("err %v, stderr %q", err, got)
	}
}

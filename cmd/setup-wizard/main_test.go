package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/setup-wizard/setup-wizard/internal/sample"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"setup-wizard": func() {
			version = "v0.0.0-test" // as -ldflags "-X main.version=…" would: reports compare equal anywhere
			os.Exit(run(os.Args[1:], &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv))
		},
	})
}

// TestScripts runs the command-line scenarios in testdata/script: exit codes, messages,
// files written or left alone. Every API call goes to the built-in emulator (--sandbox).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		// [root]: running as root, who may write where others may not.
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			offlineEnv(env)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits N PROG ARGS...: run PROG and require exit code N (the contract of DESIGN.md);
			// stdout and stderr can be matched afterwards as with exec.
			"exits": exitsCmd,
			// filemode FILE MODE: the file's permission bits are MODE (octal).
			"filemode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: filemode FILE MODE")
				}
				fi, err := os.Stat(ts.MkAbs(args[0]))
				ts.Check(err)
				want, err := strconv.ParseUint(args[1], 8, 32)
				ts.Check(err)
				got := fi.Mode().Perm()
				if (uint64(got) == want) == neg {
					ts.Fatalf("%s has mode %#o, want %s%#o", args[0], got, map[bool]string{true: "not ", false: ""}[neg], want)
				}
			},
			// mkfifo FILE: make a named pipe (Unix only; the script skips elsewhere).
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: mkfifo FILE")
				}
				ts.Check(mkfifo(ts.MkAbs(args[0])))
			},
			// filekind FILE KIND: the file is a regular file, dir, fifo or chardev.
			"filekind": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: filekind FILE regular|dir|fifo|chardev")
				}
				fi, err := os.Stat(ts.MkAbs(args[0]))
				ts.Check(err)
				m := fi.Mode()
				got := map[bool]string{true: "regular"}[m.IsRegular()]
				switch {
				case m.IsDir():
					got = "dir"
				case m&os.ModeNamedPipe != 0:
					got = "fifo"
				case m&os.ModeCharDevice != 0:
					got = "chardev"
				}
				if (got == args[1]) == neg {
					ts.Fatalf("%s is a %s file", args[0], got)
				}
			},
			// nosecrets FILE...: none of the sandbox's secret values appears in the files.
			"nosecrets": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, f := range args {
					b := ts.ReadFile(f)
					for _, s := range sandboxSecrets() {
						if strings.Contains(b, s) != neg {
							ts.Fatalf("%s: secret %q… found=%v", f, s[:4], !neg)
						}
					}
				}
			},
		},
	})
}

// sandboxSecrets are the secret values --sandbox offers.
func sandboxSecrets() []string {
	return []string{sample.ChannelAccessToken, sample.ChannelSecret, sample.LoginChannelSecret, sample.NaverClientSecret}
}

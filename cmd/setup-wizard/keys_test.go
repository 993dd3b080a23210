package main

import (
	"slices"
	"testing"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/providers/line"
	"github.com/setup-wizard/setup-wizard/providers/naver"
)

// One registry: every field's env variable is the one config.EnvName derives from its key,
// the secret fields are exactly the config's secret keys, and each has a --…-file flag.
func TestKeyRegistry(t *testing.T) {
	var secrets []string
	for _, fl := range append(line.Flows(), naver.Flow()) {
		for _, st := range fl.Steps {
			for _, f := range st.Fields {
				if f.Env != "" && f.Env != config.EnvName(f.Key) {
					t.Errorf("%s: env %s, the registry derives %s", f.Key, f.Env, config.EnvName(f.Key))
				}
				if f.Secret() {
					if f.Env == "" {
						t.Errorf("secret %s has no env variable", f.Key)
					}
					if !config.IsSecret(f.Key) {
						t.Errorf("field %s is secret but config does not redact it", f.Key)
					}
					if !slices.Contains(secrets, f.Key) {
						secrets = append(secrets, f.Key)
					}
				}
			}
		}
	}
	slices.Sort(secrets)
	want := config.SecretKeys()
	slices.Sort(want)
	if !slices.Equal(secrets, want) {
		t.Errorf("secret fields %v, config's secret keys %v", secrets, want)
	}
	flags := map[string]string{}
	for _, s := range secretInputs() {
		flags[s.key] = s.flag
	}
	for key, flag := range map[string]string{
		"line.messaging_api.channel_access_token": "channel-access-token-file",
		"line.messaging_api.channel_secret":       "channel-secret-file",
		"line.login.channel_secret":               "login-channel-secret-file",
		"naver.client_secret":                     "naver-client-secret-file",
	} {
		if flags[key] != flag {
			t.Errorf("%s: flag %q, want --%s (README)", key, flags[key], flag)
		}
	}
}

// Commands share the walk's fields; a flag of another command registered later must not
// change their defaults (replay's -c once emptied the walk's default file).
func TestSharedFlagDefaults(t *testing.T) {
	a := &App{Getenv: func(string) string { return "" }}
	newRootCmd(a)
	if a.ConfigPath != "setup-wizard.yaml" || a.Timeout.String() != "10s" || a.Platform != "" {
		t.Errorf("after building the commands: config %q, timeout %v, platform %q", a.ConfigPath, a.Timeout, a.Platform)
	}
}

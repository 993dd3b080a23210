//go:build tools

// Package tools pins modules that the parts of the program are built on, so that
// go.mod lists them before every package imports them.
package tools

import (
	_ "charm.land/bubbles/v2/help"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/huh/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/goccy/go-yaml"
	_ "github.com/line/line-bot-sdk-go/v8/linebot/channel_access_token"
	_ "github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	_ "github.com/pkg/browser"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/oauth2/endpoints"
)

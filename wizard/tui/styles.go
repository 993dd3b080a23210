package tui

import (
	"os"

	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
)

// styles are built once from whether the background is dark, and again only when the
// terminal reports another background.
type styles struct {
	Title      lipgloss.Style
	StepCount  lipgloss.Style
	Sandbox    lipgloss.Style
	Sidebar    lipgloss.Style
	Done       lipgloss.Style
	Current    lipgloss.Style
	Todo       lipgloss.Style
	Failed     lipgloss.Style
	Divider    lipgloss.Style
	StepTitle  lipgloss.Style
	Warn       lipgloss.Style
	Body       lipgloss.Style
	Link       lipgloss.Style
	LinkSel    lipgloss.Style
	URL        lipgloss.Style
	Error      lipgloss.Style
	Warning    lipgloss.Style
	Pass       lipgloss.Style
	Unknown    lipgloss.Style
	Muted      lipgloss.Style
	Note       lipgloss.Style
	RowSel     lipgloss.Style
	Label      lipgloss.Style
	Status     lipgloss.Style
	huhTheme   huh.Theme
	noColorSet bool
}

// noColorEnv reports whether NO_COLOR asks for no colours.
func noColorEnv() bool { return os.Getenv("NO_COLOR") != "" }

func newStyles(dark, noColor bool) styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) lipgloss.Style {
		if noColor {
			return lipgloss.NewStyle()
		}
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color(light), lipgloss.Color(darkc)))
	}
	s := styles{
		Title:     c("#1a4f8b", "#8ec5ff").Bold(true),
		StepCount: c("#555555", "#aaaaaa"),
		Done:      c("#1e7d32", "#7ee787"),
		Current:   c("#1a4f8b", "#8ec5ff").Bold(true),
		Todo:      c("#666666", "#9a9a9a"),
		Failed:    c("#b3261e", "#ff8a80").Bold(true),
		Divider:   c("#bbbbbb", "#444444"),
		StepTitle: c("#111111", "#ffffff").Bold(true),
		Warn:      c("#8a4b00", "#ffcc66").Bold(true),
		Body:      lipgloss.NewStyle(),
		Link:      c("#1a4f8b", "#8ec5ff"),
		LinkSel:   c("#1a4f8b", "#8ec5ff").Bold(true).Underline(true),
		URL:       c("#1a4f8b", "#8ec5ff").Underline(true),
		Error:     c("#b3261e", "#ff8a80"),
		Warning:   c("#8a4b00", "#ffcc66"),
		Pass:      c("#1e7d32", "#7ee787"),
		Unknown:   c("#6a3d9a", "#d0a8ff"),
		Muted:     c("#666666", "#9a9a9a"),
		Note:      c("#555555", "#b0b0b0").Italic(true),
		RowSel:    lipgloss.NewStyle().Reverse(true),
		Label:     c("#333333", "#d0d0d0").Bold(true),
		Status:    c("#333333", "#d0d0d0"),
		Sidebar:   lipgloss.NewStyle(),
	}
	// The sandbox badge must be seen even without colour: reverse video.
	s.Sandbox = lipgloss.NewStyle().Bold(true).Reverse(true).Padding(0, 1)
	if !noColor {
		s.Sandbox = lipgloss.NewStyle().Bold(true).Padding(0, 1).
			Foreground(lipgloss.Color("#000000")).Background(ld(lipgloss.Color("#ffb000"), lipgloss.Color("#ffcc33")))
	}
	s.noColorSet = noColor
	if noColor {
		s.huhTheme = huh.ThemeFunc(huh.ThemeBase)
	} else {
		s.huhTheme = huh.ThemeFunc(huh.ThemeCharm)
	}
	return s
}

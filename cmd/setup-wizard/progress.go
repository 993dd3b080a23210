package main

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// progressBar shows on stderr how many configs of a batch are done, when stderr is a
// terminal; elsewhere it stays silent, so logs carry no carriage returns.
type progressBar struct {
	w     io.Writer
	total int
	on    bool

	mu sync.Mutex
	n  int
}

func newProgressBar(w io.Writer, total int, on bool) *progressBar {
	p := &progressBar{w: w, total: total, on: on}
	p.draw()
	return p
}

func (p *progressBar) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.drawLocked()
}

func (p *progressBar) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.drawLocked()
}

func (p *progressBar) drawLocked() {
	if !p.on || p.total == 0 {
		return
	}
	const width = 30
	n := p.n * width / p.total
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d", strings.Repeat("█", n), strings.Repeat("░", width-n), p.n, p.total)
}

// clear wipes the bar before other output; the next step draws it again.
func (p *progressBar) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// done leaves the line empty for what follows.
func (p *progressBar) done() { p.clear() }

// writeColumns lines up a table by display width (Japanese characters are two columns
// wide), two spaces between columns; the last column is not padded.
func writeColumns(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		b.WriteString("\n")
	}
}

// truncateWidth cuts s to at most n columns, marking the cut with "…".
func truncateWidth(s string, n int) string {
	if ansi.StringWidth(s) <= n {
		return s
	}
	return ansi.Truncate(s, n, "…")
}

package driver

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress shows, on a terminal only, how many packages of the total have
// been analyzed, on one line it rewrites (at most ten times a second) and
// clears when the run ends. Anywhere else it prints nothing, so CI logs
// and machine formats stay clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer // nil: not a terminal
	total   int
	n       int
	last    time.Time
	shown   bool
	stopped bool
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{total: total}
	if isTerminal(w) && total > 0 {
		p.w = w
		fmt.Fprintf(w, "bplint: 0/%d packages analyzed", total)
		p.shown = true
	}
	return p
}

// done counts one more package analyzed.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.w == nil || p.stopped {
		return
	}
	if now := time.Now(); p.n == p.total || now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		fmt.Fprintf(p.w, "\rbplint: %d/%d packages analyzed", min(p.n, p.total), p.total)
		p.shown = true
	}
}

// stop clears the line.
func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown && !p.stopped {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	p.stopped = true
}

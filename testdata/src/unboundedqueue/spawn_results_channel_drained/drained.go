// Package spawn_results_channel_drained: a call that starts goroutines
// feeding the channel it returns, whose caller then ranges over that
// channel, waits for them: the results are consumed before the next item.
// The channel may come from one of several such calls (a variable set on
// each branch). A caller that keeps the channel without receiving from it
// leaves the goroutines running.
package spawn_results_channel_drained

type scanner struct {
	reqs    chan []string
	pending []chan string
	fast    bool
}

// walk starts a goroutine that sends every path and closes the channel.
func walk(paths []string) chan string { // want walk:"spawner"
	out := make(chan string)
	go func() {
		for _, p := range paths {
			out <- p
		}
		close(out)
	}()
	return out
}

// walkFast does the same without any per-path work.
func walkFast(paths []string) chan string { // want walkFast:"spawner"
	out := make(chan string, len(paths))
	go func() {
		for _, p := range paths {
			out <- p
		}
		close(out)
	}()
	return out
}

func use(string) {}

// serve ranges over the channel the chosen walk returns.
func (s *scanner) serve() {
	for paths := range s.reqs {
		var c chan string
		if s.fast {
			c = walkFast(paths) // ok: drained below
		} else {
			c = walk(paths) // ok: drained below
		}
		for p := range c {
			use(p)
		}
	}
}

// serveDirect ranges over the one walk's channel.
func (s *scanner) serveDirect() {
	for paths := range s.reqs {
		for p := range walk(paths) { // ok: drained
			use(p)
		}
	}
}

// serveKept keeps the channels and never receives from them here.
func (s *scanner) serveKept() {
	for paths := range s.reqs {
		s.pending = append(s.pending, walk(paths)) // want `walk starts a goroutine \(drained\.go:18\) per value received from s\.reqs with no limit`
	}
}

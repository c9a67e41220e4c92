// Package spawn_results_channel_drained: a call that starts goroutines
// feeding the channel it returns, whose caller then ranges over that
// channel, waits for them: the results are consumed before the next item.
// The channel may come from one of several such calls (a variable set on
// each branch). A caller that keeps the channel without receiving from it
// leaves the goroutines running.
package spawn_results_channel_drained

type indexer struct {
	reqs    chan []string
	pending []chan string
	fast    bool
}

// list starts a goroutine that sends every path and closes the channel.
func list(paths []string) chan string { // want list:"spawner"
	out := make(chan string)
	go func() {
		for _, p := range paths {
			out <- p
		}
		close(out)
	}()
	return out
}

// listFast does the same without any per-path work.
func listFast(paths []string) chan string { // want listFast:"spawner"
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

// serve ranges over the channel the chosen list returns.
func (s *indexer) serve() {
	for paths := range s.reqs {
		var c chan string
		if s.fast {
			c = listFast(paths) // ok: drained below
		} else {
			c = list(paths) // ok: drained below
		}
		for p := range c {
			use(p)
		}
	}
}

// serveDirect ranges over the one list's channel.
func (s *indexer) serveDirect() {
	for paths := range s.reqs {
		for p := range list(paths) { // ok: drained
			use(p)
		}
	}
}

// serveKept keeps the channels and never receives from them here.
func (s *indexer) serveKept() {
	for paths := range s.reqs {
		s.pending = append(s.pending, list(paths)) // want `list starts a goroutine \(drained\.go:18\) per value received from s\.reqs with no limit`
	}
}

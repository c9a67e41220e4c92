package spawn_helper_stopped_before_return

import (
	"sync"
	"time"
)

var stuckMu sync.Mutex

// watch is a named function the go statement hands the channel to: it
// waits once for done or for its timer.
func watch(done chan struct{}) {
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		stuckMu.Lock()
		stuckMu.Unlock()
	}
}

// stat starts a watcher and closes the channel it was given before it
// returns (under a lock): the watcher ends with the call.
func stat(x int) int {
	done := make(chan struct{})
	go watch(done)
	y := x * 2
	stuckMu.Lock()
	close(done)
	stuckMu.Unlock()
	return y
}

func statAll(in <-chan int, out chan<- int) {
	for x := range in {
		out <- stat(x) // ok: stat's watcher is stopped before stat returns
	}
}

// statLeaving closes another channel than the one its watcher waits on.
func statLeaving(x int) int { // want statLeaving:"spawner"
	done := make(chan struct{})
	other := make(chan struct{})
	go watch(done)
	close(other)
	return x
}

func statAllLeaving(in <-chan int, out chan<- int) {
	for x := range in {
		out <- statLeaving(x) // want `statLeaving starts a goroutine \(watcher.go:45\) per value received from in with no limit`
	}
}

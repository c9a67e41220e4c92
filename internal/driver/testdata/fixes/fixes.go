// Package fixes has findings with suggested fixes and related information.
package fixes

import (
	"io"
	"sync"
)

// Pump ignores the error of a pipe write in a loop, in a function that
// returns an error: the fix returns it.
func Pump(w *io.PipeWriter, bufs [][]byte) error {
	for _, b := range bufs {
		w.Write(b)
	}
	return nil
}

// Relay does the same twice in one loop; both fixes apply.
func Relay(w *io.PipeWriter, bufs [][]byte) (int, error) {
	for _, b := range bufs {
		w.Write(b)
		w.Write([]byte("\n"))
	}
	return len(bufs), nil
}

// Inbox is a slice queue between Push and Pop: the finding is at the
// append, the consumption is related information.
type Inbox struct {
	mu    sync.Mutex
	items []int
}

func (q *Inbox) Push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
}

func (q *Inbox) Pop() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v, true
}

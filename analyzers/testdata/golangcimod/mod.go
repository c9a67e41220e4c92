// Package golangcimod has a finding of every bplint rule, for the
// golangci-lint integration test. Each line's role is in its comment.
package golangcimod

import (
	"container/list"
	"net"
	"sync"
)

type Queue struct{ ch chan int }

func (q *Queue) TrySend(v int) bool { return false }

func Signal(q *Queue) {
	q.TrySend(1) // discarded-signal
}

func Drop(ch chan int, v int) {
	select {
	case ch <- v: // silent-drop
	default:
	}
}

func Pump(conn net.Conn, bufs [][]byte) {
	for _, b := range bufs {
		conn.Write(b) // ignored-write, and errcheck's: both are shown (uniq-by-line: false)
	}
}

func Once(conn net.Conn, b []byte) {
	_, _ = conn.Write(b) // ignored-write only with strict
}

func Spawn(in <-chan int) {
	for v := range in {
		go Signal(&Queue{ch: make(chan int, v)}) // goroutine-per-item
	}
}

func NolintSuppressed(q *Queue) {
	q.TrySend(2) //nolint:bplint // golangci-lint's own suppression
}

func DirectiveSuppressed(ch chan int, v int) {
	select {
	case ch <- v: //bplint:ignore silent-drop best-effort metrics
	default:
	}
}

type Inbox struct {
	mu    sync.Mutex
	items []int
}

func (q *Inbox) Push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v) // slice-queue
	q.mu.Unlock()
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

type Jobs struct {
	mu sync.Mutex
	l  list.List
}

func (j *Jobs) Add(v int) {
	j.mu.Lock()
	j.l.PushBack(v) // list-queue
	j.mu.Unlock()
}

func (j *Jobs) Next() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.l.Remove(j.l.Front()).(int)
}

func FetchAll(ids []int) error {
	errc := make(chan error) // unbuffered-fan-in
	for _, id := range ids {
		go func() { errc <- fetch(id) }()
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func fetch(int) error { return nil }

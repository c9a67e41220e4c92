package demo

import (
	"container/list"
	"net"
	"sync"
)

// slice-queue: the inbox grows while the consumer is slow.
type Inbox struct {
	mu    sync.Mutex
	items []Event
}

func (q *Inbox) Push(ev Event) {
	q.mu.Lock()
	q.items = append(q.items, ev)
	q.mu.Unlock()
}

func (q *Inbox) Pop() (Event, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return Event{}, false
	}
	ev := q.items[0]
	q.items = q.items[1:]
	return ev, true
}

// list-queue: the same with container/list.
type Jobs struct {
	mu sync.Mutex
	l  list.List
}

func (j *Jobs) Add(ev Event) {
	j.mu.Lock()
	j.l.PushBack(ev)
	j.mu.Unlock()
}

func (j *Jobs) Next() Event {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.l.Remove(j.l.Front()).(Event)
}

// goroutine-per-item: one goroutine per accepted connection, no limit.
func Serve(l net.Listener) error {
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

func handle(c net.Conn) { c.Close() }

// unbuffered-fan-in: the first error returns and leaks the other senders.
func FetchAll(ids []int) error {
	errc := make(chan error)
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

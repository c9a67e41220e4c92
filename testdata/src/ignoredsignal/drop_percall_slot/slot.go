// Package drop_percall_slot proves that a per-call one-shot slot is not
// reported: a field whose every channel is made with make(chan T, 1) by the
// function that stores it, and received from once, outside any loop, by that
// same call (directly or in a goroutine it starts). The first value decides
// the call; a later send finds the slot full only when nobody will read it.
// The nearest shapes that make a stream are reported: a receive in a loop, a
// receive in another method, a receive in a callback that may run many times,
// and a channel passed on.
package drop_percall_slot

import (
	"context"
	"errors"
	"sync"
	"time"
)

type packet struct{ kind int }

// client keeps the reply slot of the authentication in progress, made by
// Authenticate, which receives from it once.
type client struct {
	mu      sync.Mutex
	authRes chan<- packet
	in      chan packet
}

func (c *client) Authenticate(ctx context.Context) (packet, error) {
	res := make(chan packet, 1)
	c.mu.Lock()
	if c.authRes != nil {
		c.mu.Unlock()
		return packet{}, errors.New("in progress")
	}
	c.authRes = res
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.authRes = nil
		c.mu.Unlock()
	}()
	var p packet
	select {
	case <-ctx.Done():
		return packet{}, ctx.Err()
	case p = <-res:
	}
	return p, nil
}

// readLoop hands an AUTH packet to the authentication waiting for it; a
// second one while the first is unread has no reader.
func (c *client) readLoop() {
	for p := range c.in {
		c.mu.Lock()
		if c.authRes != nil {
			select {
			case c.authRes <- p:
			default:
			}
		}
		c.mu.Unlock()
	}
}

// will is a delayed decision: its goroutine takes one value (send or
// discard) or times out, and ends.
type will struct {
	msg  string
	send chan bool
}

func (w *will) signal(send bool) {
	select {
	case w.send <- send:
	default:
	}
}

type server struct {
	mu    sync.Mutex
	wills map[string]*will
}

func (s *server) unregister(id, msg string, delay time.Duration) {
	w := &will{msg: msg, send: make(chan bool, 1)}
	s.wills[id] = w
	t := time.NewTimer(delay)
	go func() {
		var send bool
		select {
		case send = <-w.send:
			t.Stop()
		case <-t.C:
			send = true
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.wills, id)
		if send {
			publish(w.msg)
		}
	}()
}

func publish(string) {}

// feed's channel is made per call, but its goroutine receives in a loop and
// keeps every value: each is an item, and a full slot drops one. (The
// receivers of these last four keep what they receive, so the one-slot
// request exemption does not apply either.)
type feed struct {
	items chan int
	last  int
}

func (f *feed) push(n int) {
	select {
	case f.items <- n: // want `send on f.items in a select with an empty default drops the value`
	default:
	}
}

func startFeed() *feed {
	f := &feed{items: make(chan int, 1)}
	go func() {
		for {
			n := <-f.items
			f.last = n
		}
	}()
	return f
}

func consume(int) {}

// box is made by its constructor and read by another method, which callers
// may call again and again on the same channel: a stream.
type box struct {
	next chan int
	last int
}

func newBox() *box { return &box{next: make(chan int, 1)} }

func (b *box) Next() { b.last = <-b.next }

func (b *box) put(n int) {
	select {
	case b.next <- n: // want `send on b.next in a select with an empty default drops the value`
	default:
	}
}

// hook is made per call and received from in a callback, which the
// registry may run any number of times on the same channel.
type hook struct {
	fire chan int
	sum  int
}

func register(func()) {}

func (h *hook) arm() {
	h.fire = make(chan int, 1)
	register(func() {
		h.sum += <-h.fire
	})
}

func (h *hook) trigger(n int) {
	select {
	case h.fire <- n: // want `send on h.fire in a select with an empty default drops the value`
	default:
	}
}

// relay's local slot is passed on to a function that ranges over it.
type relay struct {
	out chan<- int
}

func (r *relay) start() {
	ch := make(chan int, 1)
	r.out = ch
	go drain(ch)
	consume(<-ch)
}

func drain(ch <-chan int) {
	for n := range ch {
		consume(n)
	}
}

func (r *relay) forward(n int) {
	select {
	case r.out <- n: // want `send on r.out in a select with an empty default drops the value`
	default:
	}
}

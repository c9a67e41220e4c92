// Package drop_request_slot proves that a send on a one-slot request
// channel (made with capacity 1 everywhere, received by code that acts on
// each value and keeps none of it) is not reported, since the pending
// request makes the receiver do what the dropped one asked; a one-slot
// channel whose receiver keeps the value as its setting, one ranged over,
// and a larger channel still are.
package drop_request_slot

import (
	"errors"
	"log"
)

type logger interface {
	Log(level int, msg string, keyvals ...any)
}

type client struct {
	updateCh   chan string // cap 1: "update the metadata", with a reason to log
	reconnectC chan *closed
	rejoinCh   chan string
	intervalC  chan int
	streamC    chan string
	jobs       chan string
	l          logger
}

type closed struct{ url string }

func newClient(l logger) *client {
	return &client{
		updateCh:   make(chan string, 1),
		reconnectC: make(chan *closed, 1),
		rejoinCh:   make(chan string, 1),
		intervalC:  make(chan int, 1),
		streamC:    make(chan string, 1),
		jobs:       make(chan string, 16),
		l:          l,
	}
}

func (c *client) triggerUpdate(why string) {
	select {
	case c.updateCh <- why: // ok: a one-slot trigger whose reason is only logged
	default:
	}
}

func (c *client) connectionClosed(url string) {
	select {
	case c.reconnectC <- &closed{url: url}: // ok: one pending reconnect request starts the same reconnect
	default:
	}
}

func (c *client) rejoin(why string) {
	select {
	case c.rejoinCh <- why: // ok: the reason is kept only to be logged and returned
	default:
	}
}

func (c *client) updater(update func(), reconnect func(*closed)) {
	for {
		select {
		case why := <-c.updateCh:
			c.l.Log(1, "metadata update triggered", "why", why)
			update()
		case cl := <-c.reconnectC:
			reconnect(cl)
		}
	}
}

func (c *client) heartbeat(tick <-chan struct{}, beat func() error) (string, error) {
	var rejoinWhy string
	var err error
	for {
		select {
		case rejoinWhy = <-c.rejoinCh:
			c.l.Log(1, "forced rejoin", "why", rejoinWhy)
			err = errRebalance
		case <-tick:
			err = beat()
		}
		if err != nil {
			return rejoinWhy, err
		}
	}
}

var errRebalance = errors.New("rebalance")

// The nearest true positives.

// setInterval: the receiver keeps the value as its setting, so a dropped
// newer one leaves the stale one in force.
func (c *client) setInterval(d int) {
	select {
	case c.intervalC <- d: // want `send on c.intervalC in a select with an empty default drops the value`
	default:
	}
}

func (c *client) expirer(tick <-chan struct{}, expire func(int)) {
	interval := 1
	for {
		select {
		case interval = <-c.intervalC:
		case <-tick:
			expire(interval)
		}
	}
}

// stream: a one-slot channel ranged over is a stream of values.
func (c *client) stream(line string) {
	select {
	case c.streamC <- line: // want `send on c.streamC in a select with an empty default drops the value`
	default:
	}
}

func (c *client) printer() {
	for l := range c.streamC {
		log.Print(l)
	}
}

// submit: sixteen slots hold sixteen jobs; a dropped one is lost.
func (c *client) submit(job string) {
	select {
	case c.jobs <- job: // want `send on c.jobs in a select with an empty default drops the value`
	default:
	}
}

func (c *client) worker(run func(string)) {
	for {
		select {
		case j := <-c.jobs:
			run(j)
		}
	}
}

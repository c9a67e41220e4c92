// Package drop_oneshot_field proves that a one-shot slot held in a struct
// field is not reported: every receive stops listening after the first
// value (identify = nil on the local copy), or, for a channel always made
// with make(chan T, 1), returns what it received; a later value would never
// be read. A field received on every iteration still loses data.
package drop_oneshot_field

type event struct{ n int }

// client.identify is a one-shot slot (the client's IDENTIFY): the pump
// stops listening after the first value, so a later one is never read.
type client struct {
	identify chan event
	updates  chan event
}

func (c *client) Identify(n int) {
	select {
	case c.identify <- event{n}:
	default:
	}
}

func (c *client) pump(stop chan struct{}) {
	identify := c.identify
	for {
		select {
		case e := <-identify:
			identify = nil
			_ = e
		case e := <-c.updates:
			_ = e
		case <-stop:
			return
		}
	}
}

// updates is received on every iteration: a drop loses data.
func (c *client) Update(n int) {
	select {
	case c.updates <- event{n}: // want `send on c.updates in a select with an empty default drops the value`
	default:
	}
}

type watchRequest struct {
	retc chan chan int // one reply per request
}

func newWatchRequest() *watchRequest {
	return &watchRequest{retc: make(chan chan int, 1)}
}

// watch waits for its one reply and returns it.
func watch(wr *watchRequest, donec chan struct{}) chan int {
	for {
		select {
		case ret := <-wr.retc:
			return ret
		case <-donec:
			continue
		}
	}
}

// closeSubstream answers a request that may have been answered already:
// the slot holds one reply, the second is never read.
func closeSubstream(wr *watchRequest, outc chan int) {
	select {
	case wr.retc <- outc:
	default:
	}
}

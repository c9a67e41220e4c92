// Package queue_relay_emptiness proves that an emptiness test is not a
// bound: a relay goroutine whose drain loop runs while len(queue) > 0 (or
// tests len(q) == 1, != 0 to signal) still grows without limit while the
// output is slow, and is reported; a relay that stops receiving while its
// buffer is at a maximum is bounded.
package queue_relay_emptiness

type delivery struct{ tag uint64 }

// buffer relays in to out, draining while the queue is not empty.
func buffer(in chan *delivery, out chan delivery, closed chan struct{}) {
	defer close(out)
	inflight := in
	var queue []*delivery
	for d := range in {
		queue = append(queue, d) // want `slice queue is a queue \(grows in buffer, taken from the front in buffer\) with no bound: a slow consumer grows it until memory runs out; stop receiving while len\(queue\) is at a maximum`
		for len(queue) > 0 {
			select {
			case <-closed:
				return
			case d, ok := <-inflight:
				if ok {
					queue = append(queue, d)
				} else {
					inflight = nil
				}
			case out <- *queue[0]:
				queue = queue[1:]
			}
		}
	}
}

// bounded stops receiving while its buffer holds max deliveries.
func bounded(in chan *delivery, out chan delivery, max int) {
	var queue []*delivery
	for {
		recv := in
		if len(queue) >= max {
			recv = nil // stop receiving while full
		}
		var send chan delivery
		var next delivery
		if len(queue) > 0 {
			send, next = out, *queue[0]
		}
		select {
		case d := <-recv:
			if len(queue) < max {
				queue = append(queue, d) // ok: only below the maximum
			}
		case send <- next:
			queue = queue[1:]
		}
	}
}

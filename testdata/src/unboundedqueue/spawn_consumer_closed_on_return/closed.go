// Package spawn_consumer_closed_on_return: a goroutine that ranges over a
// channel its spawner closes before returning (close, or a deferred close
// made before or after the spawn) ends with the call, once it has taken
// what the call sent: a loop making that call once per item runs one at a
// time. A consumer whose channel is not closed by the call, or a close of
// a channel the goroutine does not range over, leaves it running.
package spawn_consumer_closed_on_return

type worker struct {
	reqs  chan []string
	other chan string
}

func (f *worker) consume(in chan string) {
	for p := range in {
		_ = p
	}
}

// feed feeds its consumer and closes the channel when it returns.
func (f *worker) feed(items []string) {
	ch := make(chan string)
	go f.consume(ch)
	defer close(ch)
	for _, it := range items {
		ch <- it
	}
}

// feedDeferFirst defers the close before starting the consumer.
func (f *worker) feedDeferFirst(items []string) {
	ch := make(chan string)
	defer close(ch)
	go func() {
		for {
			p, ok := <-ch
			if !ok {
				return
			}
			_ = p
		}
	}()
	for _, it := range items {
		ch <- it
	}
}

// feedClosed closes the channel at the end.
func (f *worker) feedClosed(items []string) {
	ch := make(chan string)
	go func() {
		for p := range ch {
			_ = p
		}
	}()
	for _, it := range items {
		ch <- it
	}
	close(ch)
}

// feedOpen never closes its consumer's channel.
func (f *worker) feedOpen(items []string) { // want feedOpen:"spawner"
	ch := make(chan string)
	go f.consume(ch)
	for _, it := range items {
		ch <- it
	}
}

// feedOther closes a channel its consumer does not range over.
func (f *worker) feedOther(items []string) { // want feedOther:"spawner"
	ch := make(chan string)
	done := make(chan struct{})
	go f.consume(ch)
	defer close(done)
	for _, it := range items {
		ch <- it
	}
}

func (f *worker) serve() {
	for items := range f.reqs {
		f.feed(items)           // ok: the consumer ends with the call
		f.feedDeferFirst(items) // ok
		f.feedClosed(items)     // ok
		f.feedOpen(items)       // want `feedOpen starts a goroutine \(closed\.go:\d+\) per value received from f\.reqs with no limit`
		f.feedOther(items)      // want `feedOther starts a goroutine \(closed\.go:\d+\) per value received from f\.reqs with no limit`
	}
}

// Package spawn_consumer_closed_on_return: a goroutine that ranges over a
// channel its spawner closes before returning (close, or a deferred close
// made before or after the spawn) ends with the call, once it has taken
// what the call sent: a loop making that call once per item runs one at a
// time. A consumer whose channel is not closed by the call, or a close of
// a channel the goroutine does not range over, leaves it running.
package spawn_consumer_closed_on_return

type folder struct {
	reqs  chan []string
	other chan string
}

func (f *folder) consume(in chan string) {
	for p := range in {
		_ = p
	}
}

// revert feeds its consumer and closes the channel when it returns.
func (f *folder) revert(items []string) {
	ch := make(chan string)
	go f.consume(ch)
	defer close(ch)
	for _, it := range items {
		ch <- it
	}
}

// revertDeferFirst defers the close before starting the consumer.
func (f *folder) revertDeferFirst(items []string) {
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

// revertClosed closes the channel at the end.
func (f *folder) revertClosed(items []string) {
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

// revertOpen never closes its consumer's channel.
func (f *folder) revertOpen(items []string) { // want revertOpen:"spawner"
	ch := make(chan string)
	go f.consume(ch)
	for _, it := range items {
		ch <- it
	}
}

// revertOther closes a channel its consumer does not range over.
func (f *folder) revertOther(items []string) { // want revertOther:"spawner"
	ch := make(chan string)
	done := make(chan struct{})
	go f.consume(ch)
	defer close(done)
	for _, it := range items {
		ch <- it
	}
}

func (f *folder) serve() {
	for items := range f.reqs {
		f.revert(items)           // ok: the consumer ends with the call
		f.revertDeferFirst(items) // ok
		f.revertClosed(items)     // ok
		f.revertOpen(items)       // want `revertOpen starts a goroutine \(closed\.go:\d+\) per value received from f\.reqs with no limit`
		f.revertOther(items)      // want `revertOther starts a goroutine \(closed\.go:\d+\) per value received from f\.reqs with no limit`
	}
}

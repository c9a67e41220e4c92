// Package drop_wake_only proves that a send on a channel whose every
// receiver discards the value (<-ch, case <-ch:, for range ch) is not
// reported, since it is only a wake-up; a channel one of whose receivers
// uses the value still is.
package drop_wake_only

type loop struct {
	kick  chan int // the value is a count nobody reads
	items chan int
}

func (l *loop) poke(n int) {
	select {
	case l.kick <- n: // ok: every receiver discards the value
	default:
	}
}

func (l *loop) run(work func()) {
	for {
		select {
		case <-l.kick:
			work()
		case <-l.items: // discarded here...
		}
	}
}

func (l *loop) drain() {
	for range l.kick {
	}
}

func (l *loop) add(n int) {
	select {
	case l.items <- n: // want `send on l.items in a select with an empty default drops the value`
	default:
	}
}

func (l *loop) consume() int {
	return <-l.items // ...but used here
}

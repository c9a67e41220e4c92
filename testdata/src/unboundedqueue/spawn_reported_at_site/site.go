// Package spawn_reported_at_site proves that a go statement reported at its
// own site is reported once: a spawner whose goroutine only sends (the
// overflow hand-off of a full queue) is reported at the go statement, and
// the receive loops that call it are not reported again, since they name
// the same defect and its fix is at the go statement. A spawner whose go
// statement is not reported at its site (it starts real work) stays
// reported at the call in the loop.
package spawn_reported_at_site

type msg struct{ n int }

type machine struct {
	peer     chan msg
	internal chan msg
	work     chan msg
	quit     chan struct{}
}

// sendInternal hands m to the machine's own queue, and when the queue is
// full, to a goroutine that waits for room.
func (m *machine) sendInternal(v msg) {
	select {
	case m.internal <- v:
	default:
		go func() { m.internal <- v }() // want `goroutine started only to send v on m.internal is a queued item with no bound`
	}
}

func (m *machine) handle(v msg) {
	if v.n > 0 {
		m.sendInternal(msg{n: v.n - 1})
	}
}

// receive calls the spawner once per message: the defect is the go
// statement above, reported there.
func (m *machine) receive() {
	for {
		select {
		case v := <-m.peer:
			m.handle(v)
		case v := <-m.internal:
			m.handle(v)
		case <-m.quit:
			return
		}
	}
}

func process(v msg) {
	_ = v.n * 2
}

// dispatch starts a goroutine that does work: not reported at its site
// (it is not in a loop), so the loop calling it is reported.
func (m *machine) dispatch(v msg) { // want dispatch:"spawner"
	go process(v)
}

func (m *machine) serve() {
	for v := range m.work {
		m.dispatch(v) // want `dispatch starts a goroutine \(site.go:\d+\) per value received from m.work with no limit`
	}
}

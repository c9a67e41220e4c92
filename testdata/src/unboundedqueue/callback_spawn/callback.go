// Package callback_spawn proves that spawns reached through function values
// are per item: a read loop that calls a callback (a parameter, a field, a
// handler table entry, a method value) whose function starts a goroutine
// spawns once per item, and is reported at the call in the loop.
package callback_spawn

import (
	"io"
	"time"
)

type Event struct{ Kind int }

type watcher struct{ events chan Event }

// watch calls handler once per event received.
func (w *watcher) watch(handler func(Event)) {
	for {
		ev, ok := <-w.events
		if !ok {
			return
		}
		handler(ev) // want `handler starts a goroutine \(callback.go:\d+\) per value received from w.events with no limit`
	}
}

type recorder struct{ w *watcher }

func (r *recorder) record(ev Event) { // want record:"spawner"
	go func() { _ = ev }() // a goroutine per call
}

func (r *recorder) start() {
	r.w.watch(func(ev Event) { r.record(ev) })
}

// A handler table: a map of functions indexed by the frame type.
type session struct {
	handlers map[int]func(hdr []byte)
	conn     io.Reader
}

func newSession(c io.Reader) *session {
	s := &session{conn: c}
	s.handlers = map[int]func([]byte){
		0: s.handleData,
		1: s.handlePing,
	}
	return s
}

func (s *session) handleData(hdr []byte) {}

func (s *session) handlePing(hdr []byte) {
	if hdr[0] == 1 {
		go s.pong() // under an if: still a spawn per ping
	}
}

func (s *session) pong() {}

func (s *session) recvLoop() error {
	hdr := make([]byte, 12)
	for {
		if _, err := io.ReadFull(s.conn, hdr); err != nil {
			return err
		}
		s.handlers[int(hdr[0])](hdr) // want `starts a goroutine \(callback.go:\d+\) per chunk read by io.ReadFull\(\) with no limit`
	}
}

// A field holding a method value.
type dispatcher struct {
	onMsg func(Event)
	in    chan Event
}

func (d *dispatcher) run() {
	for ev := range d.in {
		d.onMsg(ev) // want `starts a goroutine \(callback.go:\d+\) per value received from d.in with no limit`
	}
}

type asyncHandler struct{}

func (asyncHandler) handle(ev Event) { go func() { _ = ev }() } // want handle:"spawner"

func newDispatcher(in chan Event) *dispatcher {
	var h asyncHandler
	return &dispatcher{onMsg: h.handle, in: in}
}

// Negative: the callbacks handed over never spawn.
type quiet struct{ in chan Event }

func (q *quiet) run(cb func(Event)) {
	for ev := range q.in {
		cb(ev) // ok: no callback given to run starts a goroutine
	}
}

func useQuiet(q *quiet) {
	n := 0
	q.run(func(Event) { n++ })
}

// forEach calls its callback, whatever each caller passes: it does not
// spawn for a caller whose callback does not.
func forEach(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

func spawnAll(xs []int) {
	forEach(xs, func(x int) { go func() { _ = x }() })
}

func quietLoop(in chan []int) {
	for xs := range in {
		forEach(xs, func(x int) { _ = x }) // ok: this caller's callback does not spawn
	}
}

func spawningLoop(in chan []int) {
	for xs := range in {
		forEach(xs, func(x int) { go func() { _ = x }() }) // want `forEach starts a goroutine \(callback.go:\d+\) per value received from in with no limit`
	}
}

// A spawner of the standard library is named without a position in GOROOT.
func timers(in chan int) {
	for v := range in {
		_ = v
		time.AfterFunc(time.Second, func() {}) // ok: AfterFunc runs f on its own goroutine later through the runtime, no go statement
	}
}

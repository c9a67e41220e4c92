// Package facts proves the summaries exported to other packages: a function
// that starts a goroutine on every call is a spawner; one that spawns only
// on some path, waits for its goroutine, takes a limit first or spawns once
// per state change is not exported as one; a function whose only effect is
// a blocking send of its arguments is sendsarg.
package facts

import (
	"sync"
	"sync/atomic"
)

type Event struct{ ID int }

func Always(f func()) { // want Always:"summary\\(spawner\\)"
	go f()
}

// Through a call of a spawner, also a method.
func Via(f func()) { // want Via:"summary\\(spawner\\)"
	Always(f)
}

// Under an if: a spawner in its package (see the rule tests), not exported.
func Sometimes(f func(), async bool) {
	if async {
		go f()
		return
	}
	f()
}

// Waits for its goroutine before returning.
func Awaits(f func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); f() }()
	wg.Wait()
}

// Takes a semaphore that the goroutine gives back.
type Pool struct{ sem chan struct{} }

func (p *Pool) Go(f func()) {
	p.sem <- struct{}{}
	go func() {
		defer func() { <-p.sem }()
		f()
	}()
}

// Spawns once: the compare-and-swap admits one caller.
var started atomic.Bool

func Once(f func()) {
	if !started.CompareAndSwap(false, true) {
		return
	}
	go f()
}

// Once per key: the map entry is stored for a missed key.
type Workers struct {
	mu sync.Mutex
	m  map[int]chan Event
}

func (w *Workers) Get(k int) chan Event {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch, ok := w.m[k]
	if !ok {
		ch = make(chan Event)
		w.m[k] = ch
		go func() {
			for range ch {
			}
		}()
	}
	return ch
}

// A one-at-a-time flag, cleared by the goroutine.
type Flusher struct {
	mu      sync.Mutex
	running bool
}

func (f *Flusher) Kick() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.running {
		return
	}
	f.running = true
	go func() {
		f.mu.Lock()
		f.running = false
		f.mu.Unlock()
	}()
}

// Only a blocking send of its arguments.
type Broadcaster struct{ incoming chan Event }

func (b *Broadcaster) Action(id int) { // want Action:"summary\\(sendsarg\\)"
	b.incoming <- Event{ID: id}
}

// A token, not an item.
func (b *Broadcaster) Wake(ch chan struct{}) {
	ch <- struct{}{}
}

// A semaphore held in a field: Do takes a token and keeps it, Done gives
// it back.
type Throttle struct{ ch chan struct{} }

func (t *Throttle) Do() { // want Do:"summary\\(acquires\\)"
	t.ch <- struct{}{}
}

func (t *Throttle) Done() { // want Done:"summary\\(releases\\)"
	<-t.ch
}

// A semaphore that is its own named channel type.
type Sem chan struct{}

func (s Sem) Acquire() { s <- struct{}{} } // want Acquire:"summary\\(acquires\\)"

func (s Sem) Release() { <-s } // want Release:"summary\\(releases\\)"

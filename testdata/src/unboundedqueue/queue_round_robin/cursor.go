// Package queue_round_robin proves that a round-robin cursor over a member
// list consumes nothing: its head index goes back to 0 at the end of the
// list while the list is kept. The nearest true positive, a head index that
// goes back to 0 only when the slice is emptied with it, is reported.
package queue_round_robin

import "sync"

type member struct{ addr string }

type ring struct {
	mu      sync.Mutex
	members []member
	next    int
}

func (r *ring) join(m member) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.members = append(r.members, m) // ok: a cursor goes round the members, nothing is consumed
}

func (r *ring) pick() member {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.members[r.next]
	r.next++
	if r.next >= len(r.members) {
		r.next = 0
	}
	return m
}

// work resets its head only together with the slice: a queue, reported.
type work struct {
	mu   sync.Mutex
	jobs []member
	head int
}

func (w *work) add(m member) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.jobs = append(w.jobs, m) // want `slice w.jobs is a queue \(grows in work.add, taken from the front in take\)`
}

func (w *work) take() member {
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.jobs[w.head]
	w.head++
	if w.head == len(w.jobs) {
		w.jobs, w.head = w.jobs[:0], 0
	}
	return m
}

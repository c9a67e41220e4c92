// Package queue_new_key_only: an add made only for a key not yet in a map
// that the same path records it in adds each key once: a de-duplicated
// set, bounded by the distinct keys. Both forms: the add inside if _, ok :=
// m[k]; !ok { m[k] = ... }, and after if _, ok := m[k]; ok { continue }
// with the store before the add. The same queue filled without the map, or
// after a lookup of a map the path never stores into, is reported.
package queue_new_key_only

import (
	"container/list"
	"sync"
)

type frame struct{ sid uint32 }

// roundRobin keeps one list entry per stream with pending frames.
type roundRobin struct {
	mu      sync.Mutex
	streams map[uint32][]frame
	order   *list.List
}

func (r *roundRobin) push(f frame) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.streams[f.sid]; !ok {
		r.streams[f.sid] = nil
		r.order.PushBack(f.sid) // ok: once per stream in the map
	}
	r.streams[f.sid] = append(r.streams[f.sid], f)
}

func (r *roundRobin) pop() (frame, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.order.Front()
	if e == nil {
		return frame{}, false
	}
	sid := e.Value.(uint32)
	fs := r.streams[sid]
	f := fs[0]
	if len(fs) == 1 {
		delete(r.streams, sid)
		r.order.Remove(e)
	} else {
		r.streams[sid] = fs[1:]
		r.order.MoveToBack(e)
	}
	return f, true
}

// relay forwards each address once.
func relay(in <-chan string, out chan<- string) {
	sent := make(map[string]struct{})
	var buffer []string
	var next string
	var outc chan<- string
	for {
		select {
		case outc <- next:
			if len(buffer) > 0 {
				next, buffer = buffer[0], buffer[1:]
			} else {
				outc = nil
			}
		case a := <-in:
			if _, ok := sent[a]; ok {
				continue
			}
			sent[a] = struct{}{}
			if outc == nil {
				next, outc = a, out
			} else {
				buffer = append(buffer, a) // ok: each address once
			}
		}
	}
}

// relayAll forwards every value it receives: a queue.
func relayAll(in <-chan string, out chan<- string) {
	var buffer []string
	var next string
	var outc chan<- string
	for {
		select {
		case outc <- next:
			if len(buffer) > 0 {
				next, buffer = buffer[0], buffer[1:]
			} else {
				outc = nil
			}
		case a := <-in:
			if outc == nil {
				next, outc = a, out
			} else {
				buffer = append(buffer, a) // want `slice buffer is a queue`
			}
		}
	}
}

// relayLookupOnly tests a map it never records into: every new value is
// added again.
func relayLookupOnly(in <-chan string, out chan<- string, banned map[string]bool) {
	var buffer []string
	var next string
	var outc chan<- string
	for {
		select {
		case outc <- next:
			if len(buffer) > 0 {
				next, buffer = buffer[0], buffer[1:]
			} else {
				outc = nil
			}
		case a := <-in:
			if _, ok := banned[a]; ok {
				continue
			}
			if outc == nil {
				next, outc = a, out
			} else {
				buffer = append(buffer, a) // want `slice buffer is a queue`
			}
		}
	}
}

func start(r *roundRobin, in <-chan string, out chan<- string) { // want start:"spawner"
	go func() {
		for {
			r.pop()
		}
	}()
	go relay(in, out)
	go relayAll(in, out)
	go relayLookupOnly(in, out, nil)
}

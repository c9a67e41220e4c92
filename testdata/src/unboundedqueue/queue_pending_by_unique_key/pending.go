// Package queue_pending_by_unique_key: a queue whose add is skipped for a
// key already in a map, and which records each key there, is still a queue
// when its keys come one per request (a pending read per request context,
// deleted when it is answered): the map and the slice both grow with the
// requests in flight. A map-membership test is therefore no bound by
// itself (the key space is not in the code); only a count is.
package queue_pending_by_unique_key

import "sync"

type status struct{ index uint64 }

type readOnly struct {
	mu      sync.Mutex
	pending map[string]*status
	queue   []string
}

func (ro *readOnly) addRequest(index uint64, ctx string) {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	if _, ok := ro.pending[ctx]; ok {
		return
	}
	ro.pending[ctx] = &status{index: index}
	ro.queue = append(ro.queue, ctx) // want `slice ro\.queue is a queue`
}

// advance answers the requests up to ctx.
func (ro *readOnly) advance(ctx string) []*status {
	ro.mu.Lock()
	defer ro.mu.Unlock()
	var out []*status
	i := 0
	for _, k := range ro.queue {
		i++
		out = append(out, ro.pending[k])
		delete(ro.pending, k)
		if k == ctx {
			break
		}
	}
	ro.queue = ro.queue[i:]
	return out
}

func serve(ro *readOnly, reqs <-chan string) {
	go func() {
		for r := range reqs {
			ro.advance(r)
		}
	}()
	for r := range reqs {
		ro.addRequest(0, r)
	}
}

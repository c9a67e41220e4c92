package queue_stack_pool

import "sync"

// worker is an idle worker of a pool.
type worker struct{ lastUsed int64 }

// workerStack keeps idle workers: given back at the end, taken from the
// end (through a length method), and those idle the longest evicted from
// the front. The front removal is an eviction, not the consumer.
type workerStack struct {
	mu    sync.Mutex
	items []*worker
}

func (ws *workerStack) len() int { return len(ws.items) }

func (ws *workerStack) insert(w *worker) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.items = append(ws.items, w) // ok: a stack; the front removal evicts the idle
}

func (ws *workerStack) detach() *worker {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	l := ws.len()
	if l == 0 {
		return nil
	}
	w := ws.items[l-1]
	ws.items[l-1] = nil
	ws.items = ws.items[:l-1]
	return w
}

// refresh evicts the workers idle since before cutoff (the oldest first).
func (ws *workerStack) refresh(cutoff int64) []*worker {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	i := 0
	for i < len(ws.items) && ws.items[i].lastUsed < cutoff {
		i++
	}
	expired := append([]*worker(nil), ws.items[:i]...)
	m := copy(ws.items, ws.items[i:])
	ws.items = ws.items[:m]
	return expired
}

// jobs takes from the front; its shrink at the end only undoes the last
// append (the element is not taken): a queue, reported.
type jobs struct {
	mu    sync.Mutex
	items []*conn
}

func (q *jobs) push(c *conn) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, c) // want `slice q.items is a queue \(grows in jobs.push, taken from the front in shift\)`
}

func (q *jobs) unpush() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = q.items[:len(q.items)-1]
}

func (q *jobs) shift() *conn {
	q.mu.Lock()
	defer q.mu.Unlock()
	c := q.items[0]
	q.items = q.items[1:]
	return c
}

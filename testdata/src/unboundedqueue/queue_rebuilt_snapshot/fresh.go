package queue_rebuilt_snapshot

import "sync"

// A slice given a fresh value (a composite literal, make) and then a few
// appends is rebuilt too: one request's argument vector, not a backlog.
// The nearest true positive, appends to the same field in a method that
// does not reset it, is reported.

type message struct {
	args []string
}

type router struct {
	mu  sync.Mutex
	msg message
}

func (r *router) rewrite(limit string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msg.args = []string{"INTERSECTS", "key"}
	if limit != "" {
		r.msg.args = append(r.msg.args, "LIMIT", limit) // ok: rebuilt after the fresh value above
	}
	r.msg.args = append(r.msg.args, "MVT") // ok: rebuilt after the fresh value above
}

func (r *router) rewriteMade(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msg.args = make([]string, 0, n)
	r.msg.args = append(r.msg.args, "SCAN") // ok: rebuilt after make
}

func (r *router) Extra(arg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msg.args = append(r.msg.args, arg) // want `slice r.msg.args is a queue \(grows in router.Extra, taken from the front in next\)`
}

func (r *router) next() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	a := r.msg.args[0]
	r.msg.args = r.msg.args[1:]
	return a
}

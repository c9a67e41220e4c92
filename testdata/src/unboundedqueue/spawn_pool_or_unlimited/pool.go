// Package spawn_pool_or_unlimited proves that a go statement on one side of
// a branch whose other side hands the same work to a worker pool (a
// blocking send of the same function value on the pool's job channel, or a
// pool's Submit given a function made from the same arguments) is the
// unlimited mode the configuration chose (no pool, a maximum of zero), not
// a spawn the code forgot to bound. The nearest true positives stay
// reported: the other side sends other work, the spawn is the overflow of a
// full job channel (a select's default), and the other side starts a
// goroutine too.
package spawn_pool_or_unlimited

import (
	"context"
	"io"
)

// WorkerPool runs submitted tasks on a fixed set of workers.
type WorkerPool interface {
	Submit(task func())
}

type handler struct {
	Pool WorkerPool
}

func (h *handler) serve(ctx context.Context, r io.Reader) {
	for {
		body := make([]byte, 512)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		if h.Pool != nil {
			h.Pool.Submit(h.task(withConn(ctx), body))
		} else {
			go h.run(withConn(ctx), body) // ok: the unlimited mode, when no pool is configured
		}
	}
}

func withConn(ctx context.Context) context.Context { return ctx }

func (h *handler) task(ctx context.Context, body []byte) func() {
	return func() { h.run(ctx, body) }
}

func (h *handler) run(ctx context.Context, body []byte) { _, _ = ctx, body }

// job is a task of the pool, a named func type.
type job func()

type pool struct {
	JobQueue chan job
}

type transport struct {
	maxInvoke int
	pool      *pool
}

// handle runs one request: on the pool's workers when a maximum is set.
func (t *transport) handle(req []byte) {
	handler := func() { process(req) }
	if t.maxInvoke > 0 {
		t.pool.JobQueue <- handler
	} else {
		go handler()
	}
}

func process([]byte) {}

func (t *transport) recv(r io.Reader) {
	buf := make([]byte, 1024)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		t.handle(buf[:n]) // ok: a goroutine only in the configured unlimited mode
	}
}

// other work on the pool's side: the spawn is not the same work.
func (t *transport) split(r io.Reader) {
	buf := make([]byte, 1024)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		req := buf[:n]
		if len(req) > 0 && req[0] == 0 {
			t.pool.JobQueue <- func() {}
		} else {
			go process(req) // want `goroutine started per chunk read by r.Read\(\) with no limit`
		}
	}
}

// overflow: the spawn runs when the pool's queue is full.
func (t *transport) overflow(r io.Reader) {
	buf := make([]byte, 1024)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		handler := func() { process(buf[:n]) }
		select {
		case t.pool.JobQueue <- handler:
		default:
			go handler() // want `goroutine started per chunk read by r.Read\(\) with no limit`
		}
	}
}

// both sides spawn: no pool on either.
func (t *transport) both(r io.Reader) {
	buf := make([]byte, 1024)
	for {
		n, err := r.Read(buf)
		if err != nil {
			return
		}
		handler := func() { process(buf[:n]) }
		if t.maxInvoke > 0 {
			go func() { t.pool.JobQueue <- handler }() // want `goroutine started per chunk read by r.Read\(\) with no limit`
		} else {
			go handler() // want `goroutine started per chunk read by r.Read\(\) with no limit`
		}
	}
}

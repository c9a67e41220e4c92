// Package queue_inflight_written proves that a list of requests in flight
// is not reported when each element is written to the peer right after it
// is added (directly, or after a helper that adds it; by a writer's method,
// a function given a writer, or a method of the element given one, as an
// HTTP request's Write(conn)): the write waits
// while the peer does not read, so the list grows only as fast as the peer
// takes requests, a closed loop through the peer. The nearest true
// positives, an element written to memory or to a log, and a write of
// something else, are reported.
package queue_inflight_written

import (
	"bufio"
	"bytes"
	"container/list"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
)

type request struct {
	id      int
	payload []byte
}

func writeMessage(p []byte, w *bufio.Writer) error {
	_, err := w.Write(p)
	return err
}

// client keeps the requests it wrote, in order, until their replies come.
type client struct {
	mu      sync.Mutex
	conn    net.Conn
	w       *bufio.Writer
	sent    []*request
	tracked *list.List
	queue   chan *request
}

func (c *client) send(req *request) error {
	c.mu.Lock()
	c.sent = append(c.sent, req) // ok: written to the connection right after
	c.mu.Unlock()
	_, err := c.conn.Write(req.payload)
	return err
}

func (c *client) track(req *request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.tracked.PushBack(req) // ok: the caller writes it to the peer right after
}

func (c *client) sendLoop() {
	for req := range c.queue {
		c.track(req)
		if err := writeMessage(req.payload, c.w); err != nil {
			return
		}
	}
}

func (c *client) recvLoop() {
	for {
		c.mu.Lock()
		if len(c.sent) > 0 {
			c.sent = c.sent[1:]
		}
		if e := c.tracked.Front(); e != nil {
			c.tracked.Remove(e)
		}
		c.mu.Unlock()
	}
}

func (c *client) start() { // want start:"spawner"
	go c.sendLoop()
	go c.recvLoop()
}

// recorder writes each element to memory or to a log: no peer paces it.
type recorder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	out    net.Conn
	kept   []*request
	logged []*request
	other  []*request
	in     chan *request
}

func (r *recorder) keep(req *request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.kept = append(r.kept, req) // want `slice r.kept is a queue`
	r.buf.Write(req.payload)
}

func (r *recorder) log(req *request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logged = append(r.logged, req) // want `slice r.logged is a queue`
	fmt.Fprintln(os.Stderr, req.id)
}

func (r *recorder) ping(req *request) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.other = append(r.other, req) // want `slice r.other is a queue`
	r.out.Write([]byte("ping"))
}

func (r *recorder) drain() {
	for {
		r.mu.Lock()
		if len(r.kept) > 0 {
			r.kept = r.kept[1:]
		}
		if len(r.logged) > 0 {
			r.logged = r.logged[1:]
		}
		if len(r.other) > 0 {
			r.other = r.other[1:]
		}
		r.mu.Unlock()
	}
}

func (r *recorder) start() {
	go r.drain()
	for req := range r.in {
		r.keep(req)
		r.log(req)
		r.ping(req)
	}
}

// frame writes itself to a writer, as an HTTP request does.
type frame struct{ body []byte }

func (f *frame) Write(w io.Writer) error {
	_, err := w.Write(f.body)
	return err
}

// pipeline keeps the frames it wrote until their answers come: each frame
// writes itself to the connection right after it is added.
type pipeline struct {
	mu      sync.Mutex
	conn    net.Conn
	pending []*frame
	spool   []*frame
	mem     bytes.Buffer
	in      chan *frame
}

func (p *pipeline) send(f *frame) error {
	p.mu.Lock()
	p.pending = append(p.pending, f) // ok: the frame writes itself to the connection after
	p.mu.Unlock()
	return f.Write(p.conn)
}

// stage writes the frame to memory: no peer paces it.
func (p *pipeline) stage(f *frame) error {
	p.mu.Lock()
	p.spool = append(p.spool, f) // want `slice p.spool is a queue`
	p.mu.Unlock()
	return f.Write(&p.mem)
}

func (p *pipeline) recvLoop() {
	for {
		p.mu.Lock()
		if len(p.pending) > 0 {
			p.pending = p.pending[1:]
		}
		if len(p.spool) > 0 {
			p.spool = p.spool[1:]
		}
		p.mu.Unlock()
	}
}

func (p *pipeline) run() {
	go p.recvLoop()
	for f := range p.in {
		p.send(f)
		p.stage(f)
	}
}

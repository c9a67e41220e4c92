// Package queue_failure_notices proves that a list of failures is not a
// queue of work: every element added is an error, or is built around an
// error the adding function was given (a notice that a partition failed),
// and failures are reported once per failing thing. The nearest true
// positive, the same list of fetches built from data, is reported.
package queue_failure_notices

import "sync"

type fetch struct {
	topic string
	err   error
	data  []byte
}

type consumer struct {
	mu    sync.Mutex
	cond  *sync.Cond
	fake  []fetch
	ready []fetch
}

// AddFake injects a fetch that only carries an error.
func (c *consumer) AddFake(topic string, err error) {
	c.mu.Lock()
	c.fake = append(c.fake, fetch{topic: topic, err: err}) // ok: a notice built around an error
	c.mu.Unlock()
	c.cond.Broadcast()
}

// AddReady queues a fetch of data: reported.
func (c *consumer) AddReady(topic string, data []byte) {
	c.mu.Lock()
	c.ready = append(c.ready, fetch{topic: topic, data: data}) // want `slice c.ready is a queue \(grows in consumer.AddReady, taken whole in poll\)`
	c.mu.Unlock()
	c.cond.Broadcast()
}

func (c *consumer) poll() []fetch {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.ready
	c.ready = nil
	f := c.fake
	c.fake = nil
	return append(r, f...)
}

// run keeps the errors of a run.
type run struct {
	mu   sync.Mutex
	errs []error
}

func (r *run) fail(err error) {
	r.mu.Lock()
	r.errs = append(r.errs, err) // ok: a list of errors
	r.mu.Unlock()
}

func (r *run) first() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.errs[0]
	r.errs = r.errs[1:]
	return e
}

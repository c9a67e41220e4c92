// Package spawn_guards proves what keeps a spawn in a per-item loop from
// running once per item, each beside the unguarded form that is reported:
// a failure path, a source the loop stops receiving from, a state the test
// itself updates (through a method), a flag set through helper methods and
// cleared by the goroutine, a handle whose stop method waits for the
// goroutine, and a token taken on every path (a branch each).
package spawn_guards

import (
	"errors"
	"sync"
	"sync/atomic"
)

type Msg struct{ ID int }

func handle(Msg) {}

// A goroutine per failure: the spawn is on the err != nil path.
type client struct{ in chan Msg }

func (c *client) write(Msg) error { return errors.New("closed") }

func (c *client) reconnect() {}

func (c *client) loop() {
	for m := range c.in {
		if err := c.write(m); err != nil {
			go c.reconnect() // ok: once per failure, not per item
			continue
		}
		go handle(m) // want `goroutine started per value received from c.in with no limit`
	}
}

// A failure recorded in a value of a concrete error type (a pointer whose
// type implements error), tested later: the spawn is on its failure path.
type encodeError struct{ err error }

func (e *encodeError) Error() string { return e.err.Error() }

func (c *client) encode(Msg) ([]byte, error) { return nil, nil }

// encodeFailure records a failure without being an error itself.
type encodeFailure struct {
	client *client
	err    error
}

func (c *client) disconnect() {}

func (c *client) fanout(subs []*client) {
	for m := range c.in {
		for _, s := range subs {
			var failed *encodeError
			if _, err := s.encode(m); err != nil {
				failed = &encodeError{err}
			}
			if failed != nil {
				go s.disconnect() // ok: once per subscriber whose encoding failed
				continue
			}
		}
		for _, s := range subs {
			var failed *encodeFailure
			if _, err := s.encode(m); err != nil {
				failed = &encodeFailure{client: s, err: err}
			}
			if failed != nil {
				go s.disconnect() // ok: failed is set only when the encoding failed
				continue
			}
		}
		for _, s := range subs {
			var pending *client
			if s != nil {
				pending = s
			}
			if pending != nil {
				go pending.disconnect() // want `goroutine started per value received from c.in with no limit`
			}
		}
	}
}

// The loop stops receiving from the channel that delivered the item.
func election(votes chan Msg, done chan struct{}) {
	granted := 0
	for {
		select {
		case v := <-votes:
			granted++
			if granted > 2 {
				votes = nil  // no more votes are received
				go handle(v) // ok: once, the loop stops receiving from votes
			}
		case <-done:
			return
		}
	}
}

// A state that the test itself updates, through a method of the package.
type fetchState struct{ state int32 }

func (f *fetchState) maybeBegin() bool { return atomic.CompareAndSwapInt32(&f.state, 0, 1) }

func (f *fetchState) finish() { atomic.StoreInt32(&f.state, 0) }

type source struct {
	fs fetchState
	in chan Msg
}

func (s *source) loop() {
	for m := range s.in {
		if s.fs.maybeBegin() {
			go func() { // ok: one fetch at a time, maybeBegin admits one
				defer s.fs.finish()
				handle(m)
			}()
		}
	}
}

// A flag read and set through helper methods, cleared by the goroutine.
type leader struct {
	inProgress int32
	transfers  chan Msg
}

func (l *leader) busy() bool { return atomic.LoadInt32(&l.inProgress) == 1 }
func (l *leader) setBusy(v bool) {
	if v {
		atomic.StoreInt32(&l.inProgress, 1)
	} else {
		atomic.StoreInt32(&l.inProgress, 0)
	}
}

func (l *leader) loop() {
	for t := range l.transfers {
		if l.busy() {
			continue
		}
		l.setBusy(true)
		go func() { // ok: one transfer at a time
			defer l.setBusy(false)
			handle(t)
		}()
	}
}

// A handle whose stop method waits for the goroutine.
type monitor struct {
	once sync.Once
	done chan struct{}
}

func startMonitor() *monitor { // want startMonitor:"spawner"
	m := &monitor{done: make(chan struct{})}
	go func() { close(m.done) }()
	return m
}

func (m *monitor) StopAndWait() { m.once.Do(func() { <-m.done }) }

func restoreAll(reqs chan Msg) {
	for r := range reqs {
		m := startMonitor() // ok: the monitor is stopped and waited for before the next item
		handle(r)
		m.StopAndWait()
	}
}

func leakMonitors(reqs chan Msg) {
	for r := range reqs {
		startMonitor() // want `startMonitor starts a goroutine \(guards.go:\d+\) per value received from reqs with no limit`
		handle(r)
	}
}

// A token taken on every path to the spawn, in each branch.
func batches(in chan Msg, quit chan struct{}) {
	pending := make(chan struct{}, 1)
	for m := range in {
		if m.ID > 10 {
			pending <- struct{}{}
		} else {
			select {
			case pending <- struct{}{}:
			case <-quit:
				return
			}
		}
		go func() { // ok: a token is taken on every path
			defer func() { <-pending }()
			handle(m)
		}()
	}
}

// A plain send of data is not a limit.
func handoff(in, out chan Msg) {
	for m := range in {
		out <- m
		go handle(m) // want `goroutine started per value received from in with no limit`
	}
}

// A pre-filled token channel, refilled by the goroutine.
type workerPool struct{ tokens chan struct{} }

func newWorkerPool(n int) *workerPool {
	p := &workerPool{tokens: make(chan struct{}, n)}
	for i := 0; i < n; i++ {
		p.tokens <- struct{}{}
	}
	return p
}

func (p *workerPool) serve(in chan Msg) {
	for m := range in {
		<-p.tokens
		go func() { // ok: a token of the pool is held until the goroutine ends
			defer func() { p.tokens <- struct{}{} }()
			handle(m)
		}()
	}
}

// A token given back right after the go statement limits nothing.
func (p *workerPool) execute(f func()) { // want execute:"spawner"
	<-p.tokens
	go f() // want `the limit taken at line \d+ is given back at line \d+, as soon as the goroutine starts`
	p.tokens <- struct{}{}
}

// A bool received is a state (leader or not), not an item of work.
func leadership(lch chan bool) {
	for isLeader := range lch {
		if isLeader {
			go handle(Msg{}) // ok: once per change of state
		}
	}
}

// A pool of permits, filled with tokens in a counted loop: a receive takes
// a permit, a send gives it back.
var dios = func() chan struct{} {
	c := make(chan struct{}, 4)
	for i := 0; i < 4; i++ {
		c <- struct{}{}
	}
	return c
}()

// A token taken and given back before the go statement is not held there:
// no limit, and no limit given back early either.
func purge() {
	<-dios
	handle(Msg{})
	dios <- struct{}{}
	go func() { // ok: not per item, and no token is held at the go statement
		<-dios
		handle(Msg{})
		dios <- struct{}{}
	}()
}

// A flag set only on a path that rejoins before the spawn does not guard
// it; neither does a count compared with a maximum (streams, not
// goroutines), nor a check of an error.
type conn struct {
	sawFirst bool
	streams  int
	max      int
	frames   chan Msg
}

func (c *conn) newRequest(m Msg) error { c.streams++; return nil }

func (c *conn) processHeaders(m Msg) error {
	if c.streams+1 > c.max {
		return errors.New("refused")
	}
	if err := c.newRequest(m); err != nil {
		return err
	}
	go handle(m) // a goroutine per request, the stream count is not a limit on them
	return nil
}

func (c *conn) processFrame(m Msg) error {
	if !c.sawFirst {
		if m.ID != 0 {
			return errors.New("first frame must be settings")
		}
		c.sawFirst = true
	}
	switch m.ID {
	case 1:
		return c.processHeaders(m)
	}
	return nil
}

func (c *conn) serve() {
	for m := range c.frames {
		if err := c.processFrame(m); err != nil { // want `processFrame starts a goroutine \(guards.go:\d+\) per value received from c.frames with no limit`
			return
		}
	}
}

// A spawn in a loop nested inside the receive loop (a drain loop on the
// batch's length): per item; the inner loop's own test is not a guard, and
// the semaphore the goroutine takes inside does not bound the goroutines.
type remote struct {
	queue   chan Msg
	pending []Msg
	sem     chan struct{}
}

func (t *remote) sendSamples(ms []Msg) {
	t.sem <- struct{}{}
	defer func() { <-t.sem }()
	_ = ms
}

func (t *remote) run(tick <-chan struct{}) {
	for {
		select {
		case s, ok := <-t.queue:
			if !ok {
				return
			}
			t.pending = append(t.pending, s)
			for len(t.pending) >= 10 {
				go t.sendSamples(t.pending[:10]) // want `goroutine started per value received from t.queue with no limit`
				t.pending = t.pending[10:]
			}
		case <-tick:
		}
	}
}

// A semaphore that Stop fills in a counted loop to wait for every holder
// is not a pool of permits: a send before the spawn still takes one.
type sender struct {
	sem   chan bool
	queue chan Msg
}

func newSender() *sender { return &sender{sem: make(chan bool, 4), queue: make(chan Msg)} }

func (t *sender) stop() {
	for i := 0; i < 4; i++ {
		t.sem <- true // take every permit: the senders have finished
	}
}

func (t *sender) send(m Msg) {
	t.sem <- true
	go func() {
		defer func() { <-t.sem }()
		handle(m)
	}()
}

func (t *sender) run() {
	for m := range t.queue {
		t.send(m) // ok: send takes a permit before its goroutine
	}
}

// A counting semaphore of the package: acquire waits for a token when the
// count runs out, release (in the goroutine) gives one back.
type atomicSemaphore struct {
	n    atomic.Int64
	wait chan struct{}
}

func (q *atomicSemaphore) acquire() {
	if q.n.Add(-1) < 0 {
		<-q.wait
	}
}

func (q *atomicSemaphore) release() {
	if q.n.Add(1) <= 0 {
		q.wait <- struct{}{}
	}
}

func serveStreams(streams chan Msg, quota *atomicSemaphore) {
	for s := range streams {
		quota.acquire()
		go func() { // ok: the quota is taken before the spawn and given back by the goroutine
			defer quota.release()
			handle(s)
		}()
	}
}

// Items taken in several cases of a select that join before the spawn:
// every path takes one, so the spawn is per item.
type channel struct {
	memory  chan *Msg
	backend chan []byte
	exit    chan struct{}
	client  chan *Msg
}

func (c *channel) waitToRequeue(m *Msg) {}

func (c *channel) pump() {
	var m *Msg
	for {
		select {
		case m = <-c.memory:
		case buf := <-c.backend:
			m = &Msg{ID: len(buf)}
		case <-c.exit:
			return
		}
		c.client <- m
		go c.waitToRequeue(m) // want `goroutine started per value received from c.memory with no limit`
	}
}

// A pointer made under a nil test of itself (made on first use): the test
// is not a failure test, and deciding so ends (it once recursed without
// end).
type session struct{ n int }

func use(*session, Msg) {}

func (c *client) lazy() {
	var cur *session
	for m := range c.in {
		if cur == nil {
			cur = &session{}
		}
		go use(cur, m) // want `goroutine started per value received from c.in with no limit`
	}
}

// Package sem wraps semaphores in types of its own, for
// spawn_limit_wrapped_elsewhere: its facts say which methods take a token
// and keep it (Acquire, Do) and which give one back (Release, Done).
package sem

// Semaphore is a named channel type: the receiver is the semaphore.
type Semaphore chan struct{}

func New(n int) Semaphore { return make(chan struct{}, n) }

func (s Semaphore) Acquire() { s <- struct{}{} }

func (s Semaphore) Release() { <-s }

// Throttle holds its token channel in a field.
type Throttle struct {
	ch chan struct{}
}

func NewThrottle(n int) *Throttle { return &Throttle{ch: make(chan struct{}, n)} }

func (t *Throttle) Do() { t.ch <- struct{}{} }

func (t *Throttle) Done() { <-t.ch }

// Pool is a pre-filled pool of permits: taking one receives it.
type Pool struct {
	permits chan struct{}
}

func NewPool(n int) *Pool {
	p := &Pool{permits: make(chan struct{}, n)}
	for i := 0; i < n; i++ {
		p.permits <- struct{}{}
	}
	return p
}

func (p *Pool) Get() { <-p.permits }

func (p *Pool) Put() { p.permits <- struct{}{} }

// Gate takes a token and gives it back before it returns: no limit is
// held after a call.
type Gate struct {
	ch chan struct{}
}

func (g *Gate) Pass() {
	g.ch <- struct{}{}
	<-g.ch
}

// Mailbox carries data: a send of a value is not a token.
type Mailbox struct {
	ch chan int
}

func (m *Mailbox) Put(v int) { m.ch <- v }

func (m *Mailbox) Take() int { return <-m.ch }

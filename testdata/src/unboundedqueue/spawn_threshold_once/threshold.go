// Package spawn_threshold_once proves that a spawn run only where a
// counter that the package only ever raises has just reached a fixed value
// (runs++; if runs == limit { go ... }) runs once per counter, not once per
// item: a job's last allowed run hands its removal to a goroutine, and a
// closure's count stops a loop at its second call. The nearest true
// positives beside them stay reported: a counter reset after each batch
// (count = 0), one lowered elsewhere, a bound moved after its object was
// built, a struct overwritten whole, and an exported field (other packages
// may reset it) each make the spawn one per batch; a counter of an object
// made per item, or a variable declared in the loop, starts again at zero
// for each item.
package spawn_threshold_once

import "sync/atomic"

type limitRuns struct {
	limit    uint
	runCount uint
}

type job struct {
	limitRuns *limitRuns
}

type scheduler struct {
	jobs      map[int]*job
	completed chan int
	remove    chan int
	done      chan struct{}
}

func withLimitedRuns(j *job, n uint) {
	j.limitRuns = &limitRuns{limit: n, runCount: 0}
}

func (s *scheduler) run() {
	for {
		select {
		case id := <-s.completed:
			s.completedJob(id) // ok: the removal goroutine starts once per job, when its count reaches its limit
		case id := <-s.remove:
			delete(s.jobs, id)
		case <-s.done:
			return
		}
	}
}

func (s *scheduler) completedJob(id int) {
	j, ok := s.jobs[id]
	if !ok {
		return
	}
	if j.limitRuns != nil {
		j.limitRuns.runCount = j.limitRuns.runCount + 1
		if j.limitRuns.runCount == j.limitRuns.limit {
			go func() {
				select {
				case s.remove <- id:
				case <-s.done:
				}
			}()
		}
	}
}

// An atomic counter raised by the test itself, against a constant.
type once struct {
	started atomic.Int32
	events  chan int
}

func (o *once) loop(work func()) {
	for range o.events {
		if o.started.Add(1) == 1 {
			go work() // ok: started only rises, so it is 1 once
		}
	}
}

// A closure's captured count that stops a loop at its second call.
func scrapeTwice(items <-chan int, stop func()) {
	n := 0
	handle := func(int) {
		n++
		if n == 2 {
			go stop()
		}
	}
	for it := range items {
		handle(it) // ok: n only rises, so the stop goroutine starts once
	}
}

// The nearest true positives.

type batcher struct {
	count int
	max   int
	in    chan int
}

// The count is reset after each batch: one flush goroutine per max items.
func (b *batcher) run(flush func()) {
	for range b.in {
		b.count++
		if b.count == b.max {
			go flush() // want `goroutine started per value received from b.in with no limit`
			b.count = 0
		}
	}
}

type lowered struct {
	n  int
	in chan int
}

// The count is lowered elsewhere: it reaches 1 again after each drop.
func (l *lowered) run(work func()) {
	for range l.in {
		l.n++
		if l.n == 1 {
			go work() // want `goroutine started per value received from l.in with no limit`
		}
	}
}

func (l *lowered) drop() { l.n-- }

type moving struct {
	seen, next int
	in         chan int
}

// The bound moves with each spawn: one goroutine per 10 items.
func (m *moving) run(work func()) {
	for range m.in {
		m.seen++
		if m.seen == m.next {
			go work() // want `goroutine started per value received from m.in with no limit`
			m.next += 10
		}
	}
}

type resetWhole struct {
	n  int
	in chan int
}

// The struct is overwritten whole elsewhere, which resets the count.
func (r *resetWhole) run(work func()) {
	for range r.in {
		r.n++
		if r.n == 1 {
			go work() // want `goroutine started per value received from r.in with no limit`
		}
	}
}

func (r *resetWhole) reset() { *r = resetWhole{in: r.in} }

// Exported is written by other packages as well: its count may be reset.
type Exported struct {
	N  int
	In chan int
}

func (e *Exported) Run(work func()) {
	for range e.In {
		e.N++
		if e.N == 1 {
			go work() // want `goroutine started per value received from e.In with no limit`
		}
	}
}

type counted struct{ n int }

// A new object per item: its count is 1 every time.
func perItemObject(in chan int, work func()) {
	for range in {
		c := &counted{}
		c.n++
		if c.n == 1 {
			go work() // want `goroutine started per value received from in with no limit`
		}
	}
}

// A variable declared in the loop: a new count per item.
func perItemLocal(in chan int, work func()) {
	for range in {
		var n int
		p := &n
		*p = *p + 1
		if n == 1 {
			go work() // want `goroutine started per value received from in with no limit`
		}
	}
}

// Package queue_test_code proves that only production code makes a
// production queue: a sorted set whose front only a test pops (a test
// simulating compaction, sorted_test.go) is not a FIFO. The nearest true
// positive, the same set popped by production code, is reported.
package queue_test_code

import "sync"

// level is a set of tables; only a test pops its front.
type level struct {
	sync.RWMutex
	tables []int
}

func (l *level) addTable(t int) {
	l.Lock()
	defer l.Unlock()
	l.tables = append(l.tables, t) // ok: only a test takes from the front
}

func (l *level) snapshot() []int {
	l.RLock()
	defer l.RUnlock()
	return append([]int(nil), l.tables...)
}

// pending is popped by production code: reported.
type pending struct {
	sync.Mutex
	jobs []int
}

func (p *pending) add(j int) {
	p.Lock()
	defer p.Unlock()
	p.jobs = append(p.jobs, j) // want `slice p.jobs is a queue \(grows in pending.add, taken from the front in next\)`
}

func (p *pending) next() int {
	p.Lock()
	defer p.Unlock()
	j := p.jobs[0]
	p.jobs = p.jobs[1:]
	return j
}

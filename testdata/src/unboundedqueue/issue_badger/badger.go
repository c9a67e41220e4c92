// Package issue_badger: false positives found on dgraph-io/badger.
package issue_badger

import (
	"sort"
	"sync"
)

// writeLoop takes a one-slot semaphore before every goto to the spawn
// (badger's doWrites): the limit is taken in the inner loop.
func writeLoop(in chan int, quit chan struct{}) {
	pending := make(chan struct{}, 1)
	write := func(batch []int) {
		_ = batch
		<-pending
	}
	batch := make([]int, 0, 10)
	for {
		v := <-in
		for {
			batch = append(batch, v)
			if len(batch) >= 100 {
				pending <- struct{}{}
				goto spawn
			}
			select {
			case v = <-in:
			case pending <- struct{}{}:
				goto spawn
			case <-quit:
				return
			}
		}
	spawn:
		go write(batch)
		batch = make([]int, 0, 10)
	}
}

type table struct{}

// db grows imm only when the bounded flush channel accepts (badger's
// memtable rotation): the slice mirrors the channel and has its bound.
type db struct {
	mu    sync.Mutex
	imm   []*table
	flush chan *table
}

func (d *db) rotate(t *table) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	select {
	case d.flush <- t:
		d.imm = append(d.imm, t)
		return true
	default:
		return false
	}
}

func (d *db) flusher() {
	for range d.flush {
		d.mu.Lock()
		d.imm = d.imm[1:]
		d.mu.Unlock()
	}
}

// level is a sorted set; only a test pops its front (badger's levelHandler).
type level struct {
	sync.RWMutex
	tables []int
}

func (l *level) addTable(t int) {
	l.Lock()
	defer l.Unlock()
	l.tables = append(l.tables, t)
}

func (l *level) sortTables() {
	l.Lock()
	defer l.Unlock()
	sort.Ints(l.tables)
}

// backlog grows after a select that only receives: reported.
type backlog struct {
	mu    sync.Mutex
	items []int
	in    chan int
}

func (b *backlog) fill() {
	for {
		select {
		case v := <-b.in:
			b.mu.Lock()
			b.items = append(b.items, v) // want `slice b.items is used as a queue`
			b.mu.Unlock()
		}
	}
}

func (b *backlog) pop() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	v := b.items[0]
	b.items = b.items[1:]
	return v
}

// dropAll adds the current table and flushes them all before returning
// (badger's DropPrefix): the growth does not outlive the call.
func (d *db) dropAll(t *table) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.imm = append(d.imm, t)
	for range d.imm {
	}
	d.imm = d.imm[:0]
}

// open builds a db and fills imm from disk once (badger's openMemTables):
// start-up, not a producer.
func open(n int) *db {
	d := &db{flush: make(chan *table, 4)}
	d.openTables(n)
	return d
}

func (d *db) openTables(n int) {
	for i := 0; i < n; i++ {
		d.imm = append(d.imm, &table{})
	}
}

// reopen is called on a db that exists: a producer, reported.
func (d *db) reopen(n int) {
	for i := 0; i < n; i++ {
		d.imm = append(d.imm, &table{}) // want `slice d.imm is used as a queue`
	}
}

func reload(d *db) { d.reopen(1) }

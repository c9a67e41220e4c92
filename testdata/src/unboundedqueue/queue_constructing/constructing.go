// Package queue_constructing proves that filling an object the function
// is building is not production: a slice appended to on a value the
// function creates (w := &WAL{}; w.locks = append(...)), a method filling
// its receiver called only on values its callers create (a start-up
// fill), and a local value of the function's own; while the same method
// called on an object that exists, and a queue of the object's life, are
// reported.
package queue_constructing

import (
	"os"
	"sync"
)

type WAL struct {
	mu    sync.Mutex
	locks []*os.File
}

func Create(f *os.File) *WAL {
	w := &WAL{}
	w.locks = append(w.locks, f) // ok: the WAL is being built, not shared yet
	return w
}

func (w *WAL) ReleaseLockTo(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.locks = w.locks[n:]
}

type fifo struct {
	mu       sync.Mutex
	pendings []func()
}

func (f *fifo) Schedule(j func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pendings = append(f.pendings, j) // want `slice f.pendings is a queue \(grows in fifo.Schedule, taken from the front in run\)`
}

func (f *fifo) run() {
	f.mu.Lock()
	j := f.pendings[0]
	f.pendings = f.pendings[1:]
	f.mu.Unlock()
	j()
}

type table struct{}

type db struct {
	mu    sync.Mutex
	imm   []*table
	flush chan *table
}

func (d *db) flusher() {
	for range d.flush {
		d.mu.Lock()
		d.imm = d.imm[1:]
		d.mu.Unlock()
	}
}

// open builds a db and fills imm from disk once: start-up, not a
// producer.
func open(n int) *db {
	d := &db{flush: make(chan *table, 4)}
	d.openTables(n)
	return d
}

func (d *db) openTables(n int) {
	for i := 0; i < n; i++ {
		d.imm = append(d.imm, &table{}) // ok: called only on a db its caller has just built
	}
}

// reopen is called on a db that exists: a producer, reported.
func (d *db) reopen(n int) {
	for i := 0; i < n; i++ {
		d.imm = append(d.imm, &table{}) // want `slice d.imm is a queue`
	}
}

func reload(d *db) { d.reopen(1) }

// fetch is a value that functions build and hand on.
type fetch struct {
	mu     sync.Mutex
	topics []string
}

func (f *fetch) take() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	t := f.topics[0]
	f.topics = f.topics[1:]
	return t
}

// strip builds a fetch of its own, a local value.
func strip(in []string) fetch {
	var out fetch
	for _, t := range in {
		out.topics = append(out.topics, t) // ok: a local value the function fills
	}
	return out
}

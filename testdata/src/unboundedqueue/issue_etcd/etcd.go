// Package issue_etcd holds regression tests from etcd: a function whose
// helper goroutine is stopped before it returns is not a spawner; appending
// to an object the function is constructing is not production.
package issue_etcd

import (
	"os"
	"sync"
)

type pipeline struct {
	msgc  chan []byte
	stopc chan struct{}
}

func (p *pipeline) post(data []byte) error {
	done := make(chan struct{}, 1)
	go func() {
		select {
		case <-done:
		case <-p.stopc:
		}
	}()
	_ = data
	done <- struct{}{} // the helper ends here, before post returns
	return nil
}

func (p *pipeline) handle() {
	for {
		select {
		case m := <-p.msgc:
			p.post(m) // ok: post does not leave a goroutine running
		case <-p.stopc:
			return
		}
	}
}

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
	f.pendings = append(f.pendings, j) // want `slice f.pendings is used as a queue \(grows in fifo.Schedule, consumed from the front in fifo.run\)`
}

func (f *fifo) run() {
	f.mu.Lock()
	j := f.pendings[0]
	f.pendings = f.pendings[1:]
	f.mu.Unlock()
	j()
}

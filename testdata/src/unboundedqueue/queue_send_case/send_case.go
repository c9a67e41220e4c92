// Package queue_send_case proves that a slice grown only in the send case
// of a select (case flush <- t: imm = append(imm, t)) mirrors the channel
// that accepted, and has its bound; the nearest true positive, a slice
// grown after a select that only receives, is reported.
package queue_send_case

import "sync"

type table struct{}

// db grows imm only when the bounded flush channel accepts (a memtable
// rotation): the slice mirrors the channel and has its bound.
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
		d.imm = append(d.imm, t) // ok: grows only when the bounded channel accepts
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
			b.items = append(b.items, v) // want `slice b.items is a queue`
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

// Package drop_freelist_emptied proves that a polled channel whose receive
// cuts what it received to length zero before anything reads it is a free
// list of spare buffers, wherever the emptied buffer goes next (here a field
// of the receiver): a full pool lets the GC take the spare, and no data is
// lost. A polled receive that keeps the buffer's contents, or reads them
// before emptying it, is a consumer polling for data, and the drop is
// reported.
package drop_freelist_emptied

type transport struct {
	buf  []byte
	pool chan []byte
	size int
}

// next takes a spare buffer for the field, or makes one.
func (t *transport) next() {
	select {
	case t.buf = <-t.pool:
		t.buf = t.buf[0:0]
	default:
		t.buf = make([]byte, 0, t.size)
	}
}

// recycle returns a written buffer to the pool.
func (t *transport) recycle(b []byte) {
	select {
	case t.pool <- b:
	default: // the pool is full: the GC takes it
	}
}

// batcher's pending batches are taken with their contents: data.
type batcher struct {
	cur     []byte
	pending chan []byte
}

func (b *batcher) take() {
	select {
	case b.cur = <-b.pending:
	default:
		b.cur = nil
	}
}

func (b *batcher) hand(p []byte) {
	select {
	case b.pending <- p: // want `send on b.pending in a select with an empty default drops the value`
	default:
	}
}

// meter reads what it received before emptying it: the contents were data.
type meter struct {
	buf   []byte
	total int
	ready chan []byte
}

func (m *meter) poll() {
	select {
	case m.buf = <-m.ready:
		m.total += len(m.buf)
		m.buf = m.buf[:0]
	default:
	}
}

func (m *meter) offer(p []byte) {
	select {
	case m.ready <- p: // want `send on m.ready in a select with an empty default drops the value`
	default:
	}
}

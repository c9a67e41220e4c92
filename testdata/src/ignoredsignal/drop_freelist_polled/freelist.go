// Package drop_freelist_polled proves that a channel of spare buffers that
// is only ever polled (select with default) is a free list; a full one lets
// the GC take the spare. A channel someone waits on still loses data when a
// send is dropped.
package drop_freelist_polled

type processor struct {
	output chan []int // spare buffers for reuse
	events chan []int // data for a consumer that waits
}

func (p *processor) process(in []int) {
	select {
	case p.output <- in: // ok: a spare returned to a free list
	default:
	}
	select {
	case p.events <- in: // want `send on p.events in a select with an empty default`
	default:
	}
}

func (p *processor) reuseBuf() []int {
	select {
	case buf := <-p.output:
		return buf[:0]
	default:
	}
	return nil
}

func (p *processor) shutdown() {
	close(p.output)
	for range p.output { // a drain that discards everything does not wait for values
	}
}

func (p *processor) consume() int {
	n := 0
	for batch := range p.events {
		n += len(batch)
	}
	return n
}

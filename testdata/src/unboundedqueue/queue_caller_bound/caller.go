// Package queue_caller_bound proves that a bound enforced where the add is
// called is a bound: every call that leads to the add is made after a count
// kept by the caller was checked against a configured maximum (rejecting
// or waiting), or replays items of another list that were admitted when
// they entered it; a test calling the add directly sets up state. The
// nearest true positive, the same add reached from an API that checks
// nothing, is reported.
package queue_caller_bound

import (
	"errors"
	"sync"
)

var errMaxBuffered = errors.New("max buffered")

type rec struct{ part int }

type batch struct{ recs []rec }

type partition struct {
	mu      sync.Mutex
	batches []*batch
}

func (pt *partition) buffer(r rec) {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	pt.batches = append(pt.batches, &batch{recs: []rec{r}}) // ok: every call is admitted by the producer's count of buffered records
}

// finish drops the oldest batch once the broker acknowledged it.
func (pt *partition) finish() {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	pt.batches = pt.batches[1:]
}

type producer struct {
	mu          sync.Mutex
	buffered    int
	maxBuffered int
	parts       []*partition
	unknown     []rec // records admitted before their partition was known
}

// Produce rejects once maxBuffered records are buffered.
func (p *producer) Produce(r rec) error {
	p.mu.Lock()
	over := p.buffered >= p.maxBuffered
	if over {
		p.mu.Unlock()
		return errMaxBuffered
	}
	p.buffered++
	p.mu.Unlock()
	p.partitionRecord(r)
	return nil
}

func (p *producer) partitionRecord(r rec) {
	p.parts[r.part].buffer(r)
}

// flushUnknown moves on the records that waited for their partition.
func (p *producer) flushUnknown() {
	for _, r := range p.unknown {
		p.partitionRecord(r)
	}
	p.unknown = nil
}

func (p *producer) recordDone() {
	p.mu.Lock()
	p.buffered--
	p.mu.Unlock()
}

// openPartition is reached from an API that counts nothing: reported.
type openPartition struct {
	mu      sync.Mutex
	batches []*batch
}

func (pt *openPartition) buffer(r rec) {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	pt.batches = append(pt.batches, &batch{recs: []rec{r}}) // want `slice pt.batches is a queue \(grows in openPartition.buffer, taken from the front in finish\)`
}

func (pt *openPartition) finish() {
	pt.mu.Lock()
	defer pt.mu.Unlock()
	pt.batches = pt.batches[1:]
}

type asyncProducer struct{ part *openPartition }

func (p *asyncProducer) Produce(r rec) { p.part.buffer(r) }

package queue_retention_window

import (
	"sort"
	"sync"
)

type sample struct {
	at int64
	v  int
}

// minWindow keeps samples of the last interval: the front is cut at the
// index a binary search over its own samples finds for the cutoff.
type minWindow struct {
	mu      sync.Mutex
	samples []sample
}

func (w *minWindow) push(s sample) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.prune(s.at - 30)
	w.samples = append(w.samples, s) // ok: cut by age, not consumed
}

func (w *minWindow) prune(cutoff int64) {
	k := sort.Search(len(w.samples), func(i int) bool {
		return w.samples[i].at >= cutoff
	})
	if k > 0 {
		w.samples = w.samples[k:]
	}
}

// batchWindow cuts at a binary search over another slice: that index says
// nothing of its own elements' age, and the cut is a consumer's.
type batchWindow struct {
	mu      sync.Mutex
	samples []sample
	marks   []int64
}

func (w *batchWindow) push(s sample) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.samples = append(w.samples, s) // want `slice w.samples is a queue`
}

func (w *batchWindow) take(cutoff int64) []sample {
	w.mu.Lock()
	defer w.mu.Unlock()
	k := sort.Search(len(w.marks), func(i int) bool {
		return w.marks[i] >= cutoff
	})
	out := w.samples[:k]
	w.samples = w.samples[k:]
	return out
}

// history keeps the newest keep entries: the front cut at len - keep is a
// retention by count, not a consumer.
type history struct {
	mu      sync.Mutex
	entries []sample
	keep    int
}

func (h *history) add(s sample) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.entries = append(h.entries, s) // ok: cut to the newest keep
}

func (h *history) trim() []sample {
	h.mu.Lock()
	defer h.mu.Unlock()
	drop := len(h.entries) - h.keep
	if drop <= 0 {
		return nil
	}
	old := h.entries[:drop]
	h.entries = h.entries[drop:]
	return old
}

// backlog cuts at a count its consumer processed: consumed, reported.
type backlog struct {
	mu      sync.Mutex
	entries []sample
}

func (b *backlog) add(s sample) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.entries = append(b.entries, s) // want `slice b.entries is a queue`
}

func (b *backlog) take(n int) []sample {
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > len(b.entries) {
		n = len(b.entries)
	}
	out := b.entries[:n]
	b.entries = b.entries[n:]
	return out
}

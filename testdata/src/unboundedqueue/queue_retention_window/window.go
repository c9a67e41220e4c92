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

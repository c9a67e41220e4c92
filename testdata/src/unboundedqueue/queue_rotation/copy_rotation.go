// Package queue_rotation proves that elements circulating within a fixed
// set are not a queue: a copy to the front that rotates (no shrink) is not a
// consumption, and a front removal moved to a second list that is later
// moved back is a rotation between two lists. The nearest true positives,
// append(q[:0], q[1:]...) and a front moved to a list never given back,
// are reported.
package queue_rotation

import "sync"

type cfg struct {
	sync.RWMutex
	urls []string
}

func newCfg(urls []string) *cfg {
	c := &cfg{}
	c.urls = append(c.urls, urls...) // ok: a rotation list, never consumed
	return c
}

func (c *cfg) pickNext() string {
	c.Lock()
	defer c.Unlock()
	if len(c.urls) > 1 {
		first := c.urls[0]
		copy(c.urls, c.urls[1:])
		c.urls[len(c.urls)-1] = first
	}
	return c.urls[0]
}

type consumer struct {
	mu  sync.Mutex
	rdq []uint64
}

func (o *consumer) addToRedeliverQueue(seqs ...uint64) {
	o.mu.Lock()
	o.rdq = append(o.rdq, seqs...) // want `slice o.rdq is a queue`
	o.mu.Unlock()
}

func (o *consumer) next() uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	seq := o.rdq[0]
	o.rdq = append(o.rdq[:0], o.rdq[1:]...)
	return seq
}

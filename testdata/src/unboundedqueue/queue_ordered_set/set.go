// Package queue_ordered_set proves that an ordered or de-duplicated set is
// not a queue: a slice the package sorts, one whose elements are replaced
// by key, one searched before every add, and one kept in order by inserting
// at a searched position (slices.Insert, or by hand: copy(q[i+1:], q[i:])
// after growing by one): the front is the least key, not
// the oldest arrival, and the length is bounded by the distinct keys. The
// nearest true positive, the same list appended without search, sort or
// insertion, is reported.
package queue_ordered_set

import (
	"slices"
	"sort"
	"sync"
	"time"
)

type broker struct{ id int }

// brokers is kept sorted by id and merge-walked from the front.
type brokers struct {
	mu   sync.Mutex
	list []*broker
}

func (b *brokers) ensure(ids []int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, id := range ids {
		b.list = append(b.list, &broker{id: id}) // ok: the slice is sorted, a set ordered by key
	}
	sort.Slice(b.list, func(i, j int) bool { return b.list[i].id < b.list[j].id })
}

func (b *brokers) retireBelow(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.list) > 0 && b.list[0].id < id {
		b.list = b.list[1:]
	}
}

// members are replaced by key.
type members struct {
	mu   sync.Mutex
	list []*broker
}

func (m *members) upsert(nb *broker) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, b := range m.list {
		if b.id == nb.id {
			m.list[i] = nb
			return
		}
	}
	m.list = append(m.list, nb) // ok: replaced by key and searched before the add
}

func (m *members) dropFirst() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.list = m.list[1:]
}

// seen is searched before every add: de-duplicated.
type seen struct {
	mu  sync.Mutex
	ids []int
}

func (s *seen) add(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.ids {
		if x == id {
			return
		}
	}
	s.ids = append(s.ids, id) // ok: searched first, each id once
}

func (s *seen) oldest() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.ids[0]
	s.ids = s.ids[1:]
	return id
}

type packet struct{ at time.Time }

// delayed keeps packets ordered by time, inserting at a searched position.
type delayed struct {
	mu      sync.Mutex
	packets []packet
}

func (d *delayed) add(p packet) {
	d.mu.Lock()
	defer d.mu.Unlock()
	i := slices.IndexFunc(d.packets, func(q packet) bool { return q.at.After(p.at) })
	if i == -1 {
		d.packets = append(d.packets, p) // ok: kept in time order (slices.Insert)
		return
	}
	d.packets = slices.Insert(d.packets, i, p)
}

func (d *delayed) next() packet {
	d.mu.Lock()
	defer d.mu.Unlock()
	p := d.packets[0]
	d.packets = d.packets[1:]
	return p
}

// timers are kept in deadline order by the hand-written form of
// slices.Insert: grow by one, shift the tail right from the searched
// position, place the timer there.
type timers struct {
	mu   sync.Mutex
	list []*timer
}

type timer struct{ when time.Time }

func (ts *timers) start(t *timer) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	pos := 0
	for _, cur := range ts.list {
		if t.when.Before(cur.when) {
			break
		}
		pos++
	}
	ts.list = append(ts.list, nil) // ok: inserted at a searched position, kept in order
	copy(ts.list[pos+1:], ts.list[pos:])
	ts.list[pos] = t
}

func (ts *timers) expired(now time.Time) *timer {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if len(ts.list) == 0 || now.Before(ts.list[0].when) {
		return nil
	}
	t := ts.list[0]
	copy(ts.list, ts.list[1:])
	ts.list = ts.list[:len(ts.list)-1]
	return t
}

// arrivals is appended in arrival order and taken from the front:
// reported.
type arrivals struct {
	mu   sync.Mutex
	list []*broker
}

func (a *arrivals) add(ids []int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, id := range ids {
		a.list = append(a.list, &broker{id: id}) // want `slice a.list is a queue \(grows in arrivals.add, taken from the front in retireBelow\)`
	}
}

func (a *arrivals) retireBelow(id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for len(a.list) > 0 && a.list[0].id < id {
		a.list = a.list[1:]
	}
}

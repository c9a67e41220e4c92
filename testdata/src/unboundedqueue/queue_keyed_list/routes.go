// Package queue_keyed_list proves that a container/list searched for a key
// before every add (a walk from Front comparing for equality, returning
// when found) is a keyed table, not a queue: its length is bounded by the
// distinct keys. The nearest true positive, the same list type added to
// without the search, is reported.
package queue_keyed_list

import (
	"container/list"
	"sync"
)

type route struct {
	topic    string
	callback func([]byte)
}

type router struct {
	sync.RWMutex
	routes *list.List
}

func (r *router) addRoute(topic string, cb func([]byte)) {
	r.Lock()
	defer r.Unlock()
	for e := r.routes.Front(); e != nil; e = e.Next() {
		if e.Value.(*route).topic == topic {
			e.Value.(*route).callback = cb
			return
		}
	}
	r.routes.PushBack(&route{topic: topic, callback: cb}) // ok: added only for a topic not yet in the table
}

func (r *router) deleteRoute(topic string) {
	r.Lock()
	defer r.Unlock()
	for e := r.routes.Front(); e != nil; e = e.Next() {
		if e.Value.(*route).topic == topic {
			r.routes.Remove(e)
			return
		}
	}
}

func (r *router) oldest() *route {
	r.Lock()
	defer r.Unlock()
	e := r.routes.Front()
	if e == nil {
		return nil
	}
	r.routes.Remove(e)
	return e.Value.(*route)
}

type inbox struct {
	mu  sync.Mutex
	msg *list.List
}

func (b *inbox) Add(m []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.msg.PushBack(m) // want `list b.msg is a queue \(grows in inbox.Add, taken from the front in Next\)`
}

func (b *inbox) Next() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.msg.Front()
	if e == nil {
		return nil
	}
	b.msg.Remove(e)
	return e.Value.([]byte)
}

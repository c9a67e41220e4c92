package spawn_worker_per_key

import "sync"

// A sync.Map is a map: a worker started only for a key the table does not
// hold yet, stored there before the spawn (through the package's own
// get and put helpers), runs once per key, not per item. The nearest true
// positive, the same lookup with no store, starts one per item.

type topic struct{ name string }

func (t *topic) init() {}

type hub struct {
	topics *sync.Map
	join   chan string
}

func (h *hub) get(name string) *topic {
	if t, ok := h.topics.Load(name); ok {
		return t.(*topic)
	}
	return nil
}

func (h *hub) put(name string, t *topic) {
	h.topics.Store(name, t)
}

func (h *hub) run() {
	for name := range h.join {
		t := h.get(name)
		if t == nil {
			t = &topic{name: name}
			h.put(name, t)
			go t.init() // ok: once per topic name, stored before the spawn
		}
	}
}

type lookupOnly struct {
	topics sync.Map
	join   chan string
}

func (h *lookupOnly) run() {
	for name := range h.join {
		if _, ok := h.topics.Load(name); !ok {
			t := &topic{name: name}
			go t.init() // want `goroutine started per value received from h.join with no limit`
		}
	}
}

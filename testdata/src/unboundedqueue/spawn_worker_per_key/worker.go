// Package spawn_worker_per_key: a worker started once per map key and
// cached is not started per item (seen on IBM/sarama's producer); the form
// that starts one per item is reported beside it.
package spawn_worker_per_key

type msg struct{ part int32 }

func newWorker() chan<- *msg { // want newWorker:"spawner"
	in := make(chan *msg, 16)
	go func() {
		for range in {
		}
	}()
	return in
}

// dispatch starts one worker per partition and caches it in a map (sarama's
// asyncProducer partition dispatcher): one goroutine per key, not per item.
func dispatch(input <-chan *msg) {
	handlers := map[int32]chan<- *msg{}
	for m := range input {
		h := handlers[m.part]
		if h == nil {
			h = newWorker()
			handlers[m.part] = h
		}
		h <- m
	}
}

// dispatchLeaky starts a worker for every message: reported.
func dispatchLeaky(input <-chan *msg) {
	for m := range input {
		if m.part >= 0 {
			h := newWorker() // want `newWorker starts a goroutine \(worker\.go:10\) per value received from input with no limit`
			h <- m
		}
	}
}

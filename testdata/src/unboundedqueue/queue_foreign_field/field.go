// Package queue_foreign_field proves that a field of another package's
// struct, grown in one function and sliced in another, is not a queue
// implemented here; the nearest true positive, a field of this package's
// struct grown and sliced the same way, is reported.
package queue_foreign_field

import (
	"net/http"
	"sync"
)

var mu sync.Mutex

func grow(o *http.Request, ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	o.TransferEncoding = append(o.TransferEncoding, "chunked") // ok: net/http's struct, not a queue implemented here
	ch <- 1
}

func shrink(o *http.Request, ch chan int) {
	mu.Lock()
	defer mu.Unlock()
	o.TransferEncoding = o.TransferEncoding[1:]
	<-ch
}

// request is this package's struct, guarded by its own lock.
type request struct {
	mu        sync.Mutex
	encodings []string
}

func growOwn(o *request, ch chan int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.encodings = append(o.encodings, "chunked") // want `slice o.encodings is a queue \(grows in growOwn, taken from the front in shrinkOwn\)`
	ch <- 1
}

func shrinkOwn(o *request, ch chan int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.encodings = o.encodings[1:]
	<-ch
}

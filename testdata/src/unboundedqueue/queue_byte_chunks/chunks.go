// Package queue_byte_chunks proves that a buffer of bytes, or of byte
// chunks ([][]byte: fragments of a message, frames to write), accumulates a
// stream whose bound the protocol counts in bytes: it is not a queue of
// items. The nearest true positive, a slice of messages, is reported.
package queue_byte_chunks

import "sync"

// request accumulates a record's bytes.
type request struct {
	mu        sync.Mutex
	rawParams []byte
}

func (r *request) add(content []byte) {
	r.mu.Lock()
	r.rawParams = append(r.rawParams, content...) // ok: a byte stream buffer
	r.mu.Unlock()
}

func (r *request) parse() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	text := r.rawParams
	r.rawParams = nil
	return text
}

// reader keeps the fragments of one message until the last arrives.
type reader struct {
	mu    sync.Mutex
	frags [][]byte
}

func (r *reader) add(b []byte) {
	r.mu.Lock()
	r.frags = append(r.frags, append([]byte(nil), b...)) // ok: byte chunks of one message
	r.mu.Unlock()
}

func (r *reader) next() []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.frags[0]
	r.frags = r.frags[1:]
	return b
}

// message is an item of work.
type message struct{ data []byte }

// inbox queues messages: reported.
type inbox struct {
	mu   sync.Mutex
	msgs []message
}

func (r *inbox) add(b []byte) {
	r.mu.Lock()
	r.msgs = append(r.msgs, message{data: b}) // want `slice r.msgs is a queue \(grows in inbox.add, taken from the front in next\)`
	r.mu.Unlock()
}

func (r *inbox) next() message {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.msgs[0]
	r.msgs = r.msgs[1:]
	return m
}

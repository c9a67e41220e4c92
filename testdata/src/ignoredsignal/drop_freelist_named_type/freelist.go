// Package drop_freelist_named_type proves that a free list held in a named
// channel type of the package (type FreeList chan []byte, with Borrow and
// Return methods), polled by a case that assigns the spare and returns it
// after the select, is not reported; a named channel type that a consumer
// waits on, or whose polled value is processed rather than handed out, still
// is.
package drop_freelist_named_type

type FreeList chan []byte

var Buffers FreeList = make(chan []byte, 64)

func (b FreeList) Borrow() (buf []byte) {
	select {
	case buf = <-b:
	default:
		buf = make([]byte, 10)
	}
	return buf[:10]
}

func (b FreeList) Return(buf []byte) {
	select {
	case b <- buf: // ok: a spare given back to a free list; a full one lets the GC take it
	default:
	}
}

// The nearest true positives.

type Mailbox chan []byte

func (m Mailbox) Post(msg []byte) {
	select {
	case m <- msg: // want `send on m in a select with an empty default drops the value`
	default:
	}
}

func (m Mailbox) Serve(handle func([]byte)) {
	for msg := range m { // a consumer waits for every value
		handle(msg)
	}
}

type Inbox chan []byte

func (in Inbox) Put(msg []byte) {
	select {
	case in <- msg: // want `send on in in a select with an empty default drops the value`
	default:
	}
}

// Poll processes what it polls: a consumer, not a free list.
func (in Inbox) Poll(handle func([]byte)) {
	var msg []byte
	select {
	case msg = <-in:
	default:
		return
	}
	handle(msg)
}

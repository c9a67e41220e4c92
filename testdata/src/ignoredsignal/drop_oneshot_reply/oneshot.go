// Package drop_oneshot_reply proves that a callback sending to a one-slot
// reply channel of its caller ("first response wins") and a constant
// wake-up (done <- true) lose nothing when the send is dropped; a callback
// sending to a shared or larger channel still does.
package drop_oneshot_reply

type Response struct{ OK bool }

func subscribe(handler func(msg []byte)) {}

func request() *Response {
	respCh := make(chan *Response, 1)
	subscribe(func(msg []byte) {
		select {
		case respCh <- &Response{OK: len(msg) > 0}: // ok: first response wins, the slot holds it
		default:
		}
	})
	return <-respCh
}

func waitAll(expected int) {
	done := make(chan bool, 1)
	n := 0
	subscribe(func(msg []byte) {
		n++
		if n >= expected {
			select {
			case done <- true: // ok: a constant, the pending value says the same
			default:
			}
		}
	})
	<-done
}

func stream() []*Response {
	out := make(chan *Response, 16)
	subscribe(func(msg []byte) {
		select {
		case out <- &Response{}: // want `send on out in a select with an empty default`
		default:
		}
	})
	return nil
}

type server struct{ replies chan *Response }

func (s *server) callback() {
	subscribe(func(msg []byte) {
		select {
		case s.replies <- &Response{}: // want `send on s.replies in a select with an empty default`
		default:
		}
	})
}

func notInClosure() {
	ch := make(chan *Response, 1)
	select {
	case ch <- &Response{}: // want `send on ch in a select with an empty default`
	default:
	}
	<-ch
}

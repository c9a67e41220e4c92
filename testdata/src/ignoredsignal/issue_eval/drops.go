// Package issue_eval: false positives found by the evaluation on real
// projects (nsq, sarama, nats-server, etcd, caddy), next to the true
// positives they must not hide.
package issue_eval

import (
	"bytes"
	"sync"
	"sync/atomic"
)

type event struct{ n int }

// client.identify is a one-shot slot (nsq's client IDENTIFY): the pump
// stops listening after the first value, so a later one is never read.
type client struct {
	identify chan event
	updates  chan event
}

func (c *client) Identify(n int) {
	select {
	case c.identify <- event{n}:
	default:
	}
}

func (c *client) pump(stop chan struct{}) {
	identify := c.identify
	for {
		select {
		case e := <-identify:
			identify = nil
			_ = e
		case e := <-c.updates:
			_ = e
		case <-stop:
			return
		}
	}
}

// updates is received on every iteration: a drop loses data.
func (c *client) Update(n int) {
	select {
	case c.updates <- event{n}: // want `send on c.updates in a select with an empty default drops the value`
	default:
	}
}

var pools sync.Map // key -> chan *bytes.Buffer

// pool returns the free list of a key (sarama's per-size buffer pools).
func pool(key int) chan *bytes.Buffer {
	c, _ := pools.LoadOrStore(key, make(chan *bytes.Buffer, 4))
	return c.(chan *bytes.Buffer)
}

func get(key int) *bytes.Buffer {
	select {
	case b := <-pool(key):
		return b
	default:
		return new(bytes.Buffer)
	}
}

func put(key int, b *bytes.Buffer) {
	select {
	case pool(key) <- b: // full: the GC takes the spare
	default:
	}
}

type expirer struct {
	w  int32
	ch chan int64
}

// wake sends only when it wins the flag (nats-server's gateway reply map):
// the receiver resets it, so the channel always has room for that one.
func (e *expirer) wake(ttl int64) {
	if atomic.CompareAndSwapInt32(&e.w, 0, 1) {
		select {
		case e.ch <- ttl:
		default:
		}
	}
}

// wakeAlways sends whatever the flag says: a drop.
func (e *expirer) wakeAlways(ttl int64) {
	atomic.CompareAndSwapInt32(&e.w, 0, 1)
	select {
	case e.ch <- ttl: // want `send on e.ch in a select with an empty default drops the value`
	default:
	}
}

type lessor struct {
	expiredC chan []int
	stopC    chan struct{}
}

// revoke tries again on the next tick (etcd's lessor): the leases stay
// expired and are found again. The spec still wants a comments-only default
// reported (the reader cannot see that the state is kept); the author
// silences it with a directive saying why.
func (le *lessor) revoke(ls []int) {
	select {
	case <-le.stopC:
		return
	case le.expiredC <- ls: // want `send on le.expiredC in a select with an empty default drops the value`
	default:
		// the receiver of expiredC is probably busy handling
		// other stuff
		// let's try this next time after 500ms
	}
}

func (le *lessor) compacted(ls []int) {
	for range 3 {
		select {
		case le.expiredC <- ls: //bplint:ignore silent-drop the compacted watchers stay marked and are retried next time
		default:
			// retry next time
		}
	}
}

// snap says it drops: reported (etcd's raft msgSnapC).
func (le *lessor) snap(ls []int) {
	select {
	case le.expiredC <- ls: // want `send on le.expiredC in a select with an empty default drops the value`
	default:
		// drop the snapshot message if the channel is full
	}
}

type raftNode struct{ msgSnapC chan []byte }

type server struct{ r *raftNode }

// send drops a snapshot message when the apply loop has not polled the last
// one (etcd's raftNode.msgSnapC): the loop processes what it polls, so the
// channel is a mailbox, not a free list, and the drop loses data.
func (r *raftNode) send(m []byte) {
	select {
	case r.msgSnapC <- m: // want `send on r.msgSnapC in a select with an empty default drops the value`
	default:
		// drop msgSnap if the inflight chan if full.
	}
}

func (s *server) apply(process func([]byte)) {
	select {
	case m := <-s.r.msgSnapC:
		process(m)
	default:
	}
}

type watchRequest struct {
	retc chan chan int // one reply per request
}

func newWatchRequest() *watchRequest {
	return &watchRequest{retc: make(chan chan int, 1)}
}

// watch waits for its one reply and returns it (etcd clientv3 Watch).
func watch(wr *watchRequest, donec chan struct{}) chan int {
	for {
		select {
		case ret := <-wr.retc:
			return ret
		case <-donec:
			continue
		}
	}
}

// closeSubstream answers a request that may have been answered already:
// the slot holds one reply, the second is never read.
func closeSubstream(wr *watchRequest, outc chan int) {
	select {
	case wr.retc <- outc:
	default:
	}
}

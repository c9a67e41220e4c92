// Package unboundedqueue defines an Analyzer that reports unbounded
// buffering between producers and consumers.
//
// # Analyzer unboundedqueue
//
// unboundedqueue: report queues, spawns and fan-ins with no bound
//
// A bound is how a consumer pushes back on a producer. Without one, a slow
// consumer lets work pile up in memory (as slice elements, list nodes or
// blocked goroutines) until the process runs out of memory. Each rule is
// reported with its id as the category:
//
// slice-queue: a slice (struct field, package variable, or a local shared by
// a loop with channel operations) appended to and consumed from its front
// (q = q[n:], copy+shrink, append(q[:0], q[n:]...), slices.Delete(q, 0, n), an advancing head index,
// or the whole backlog taken and reset) across a producer/consumer boundary,
// with no length bound governing the append.
//
//	func (q *Queue) Push(ev Event) {
//		q.mu.Lock()
//		q.items = append(q.items, ev) // bad: grows while the consumer is slow
//		q.mu.Unlock()
//	}
//
//	func (q *Queue) Push(ev Event) error {
//		q.mu.Lock()
//		defer q.mu.Unlock()
//		if len(q.items) >= q.max {
//			return ErrFull // good: the producer is told to back off
//		}
//		q.items = append(q.items, ev)
//		return nil
//	}
//
// list-queue: the same with container/list (PushBack/PushFront plus Remove
// of Front/Back) or a hand-written linked list (enqueue at the tail, dequeue
// at the head), with no Len() or counter bound.
//
// goroutine-per-item: a go statement (or errgroup.Group.Go without SetLimit,
// sync.WaitGroup.Go) run once per item of an unbounded source (a value
// received from a channel, Accept, Scan, Read, io.ReadFull, Recv,
// ReadFrame...; also in a nested loop, and per tick when the work may block)
// with no concurrency limit taken before it; a call in such a loop of a
// function that may spawn (through calls, switch cases, method values,
// handler tables, callbacks and interfaces: function summaries on SSA,
// carried across packages as facts); a spawn in a callback that another
// package calls per item; a goroutine started only to block on a send; and
// a limit given back right after the go statement.
//
//	for conn := range conns {
//		go serve(conn) // bad: one goroutine per connection, no limit
//	}
//
//	sem := make(chan struct{}, 64)
//	for conn := range conns {
//		sem <- struct{}{} // good: at most 64 at a time
//		go func() { defer func() { <-sem }(); serve(conn) }()
//	}
//
// unbuffered-fan-in: goroutines started in a loop send to one unbuffered
// channel whose receiver can stop before it has received from every sender
// (an early return or break, a single receive, a select with a timeout):
// the remaining senders block forever. The fix "buffer the channel for every
// sender" is offered when the loop's trip count is known at the make.
//
//	ch := make(chan result) // bad: an early return leaks the other senders
//	ch := make(chan result, len(ids)) // good: every sender can finish
//
// Known limits: guards are recognised in the statement lists leading to the
// growth (structured dominance, exact for goto-free code); a struct field
// grown and consumed in different methods counts as a producer/consumer queue
// only with evidence of concurrency (a mutex or sync.Cond in the struct, or a
// lock, channel operation or go statement in one of the two methods);
// spawns through interfaces implemented only in other packages, and a
// spawner's guard that depends on its arguments, are not seen.
package unboundedqueue

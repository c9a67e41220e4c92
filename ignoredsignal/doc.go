// Package ignoredsignal defines an Analyzer that reports discarded
// backpressure signals.
//
// # Analyzer ignoredsignal
//
// ignoredsignal: report backpressure signals that are discarded
//
// A signal is a result that tells a producer that its consumer is full, gone
// or refusing: a refused TrySend or Offer, a rate limiter's "no", a failed
// write to a connection. Code that discards it keeps producing at full speed
// after the consumer said stop, so under load data is lost silently, limits
// are not enforced, or work piles up on a dead peer.
//
// The analyzer has three rules, each reported with its id as the category:
//
// discarded-signal: the result of a signal is discarded (an expression
// statement, go or defer of the call, or a value assigned but never read on
// any path). Signals are methods named TrySend, TryPush, TryPut, TryEnqueue,
// TryPublish, TryWrite, TryAdd, TryAcquire or Offer that return a bool or an
// error; semaphore.Weighted's TryAcquire and Acquire; errgroup.Group's TryGo;
// rate.Limiter's Allow, AllowN, Wait and WaitN; sync.Mutex's and
// sync.RWMutex's TryLock and TryRLock; functions listed in the signals
// option or marked //bplint:signal; and any function that returns a signal
// unchanged, across packages.
//
//	q.TrySend(ev) // bad: a full queue loses ev silently
//
//	if !q.TrySend(ev) { // good: the refusal is counted
//		dropped.Add(1)
//	}
//
// ignored-write: the error of Write, WriteString, WriteMsg, Send, SendMsg,
// WriteMessage, WriteJSON or Flush on a flow-controlled sink (net.Conn,
// http.ResponseWriter, http.ResponseController, io.PipeWriter, gRPC streams,
// websocket connections) is ignored inside a loop, or the error of a Flush
// (bufio.Writer, http.ResponseController, compress writers) is ignored
// anywhere.
//
//	for msg := range msgs {
//		conn.Write(msg) // bad: keeps pumping into a dead or stalled peer
//	}
//
//	for msg := range msgs {
//		if _, err := conn.Write(msg); err != nil {
//			return err // good: the producer stops when the consumer does
//		}
//	}
//
// silent-drop: a select whose send case has an empty default drops the value
// when the channel is full, and nothing counts it.
//
//	select {
//	case out <- ev:
//	default: // bad: ev is gone, nobody knows
//	}
//
//	select {
//	case out <- ev:
//	default:
//		dropped.Add(1) // good: the drop is visible
//	}
//
// An explicit blank assignment (_ = q.TrySend(v)) is a deliberate choice and
// is reported only with -strict, as are single writes outside loops. The
// rules report on positive evidence: a write to a sink created in the same
// iteration, a Flush over a sticky-error writer, and drops that lose nothing
// (ticks, the same value on every send, one-slot requests, wake-ups, free
// lists, one-shot replies, configured drop policies) are not reported; see
// the rule pages. In _test.go files ignored-write and silent-drop report
// only with -test-load.
//
// Where the enclosing function returns an error, an ignored write or
// error-typed signal in an expression statement comes with the suggested
// fix "return the error".
//
// Known limits: calls through function values other than method values are
// not resolved; a value stored to memory (a struct field, a captured
// variable) counts as read; writes to an io.Writer whose dynamic type is a
// connection are not known to be writes to a connection.
package ignoredsignal

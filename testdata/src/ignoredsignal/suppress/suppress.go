// Package suppress proves the suppression directives: on the line, on the
// line above, for a whole file (see file.go), a missing reason, an unknown
// rule, and a directive that suppresses nothing.
package suppress

type Queue struct{}

func (q *Queue) TrySend(v int) bool { return false }

func use(q *Queue) {
	q.TrySend(1) //bplint:ignore discarded-signal best-effort telemetry

	//bplint:ignore discarded-signal,silent-drop best-effort telemetry // want `//bplint:ignore silent-drop suppresses nothing`
	q.TrySend(2)

	/* want `//bplint:ignore needs a reason after the rule` */ //bplint:ignore discarded-signal
	q.TrySend(3) // want `result of q.TrySend is discarded`

	//bplint:ignore no-such-rule because // want `//bplint:ignore names unknown rule "no-such-rule"`
	q.TrySend(4) // want `result of q.TrySend is discarded`

	//bplint:ignore discarded-signal stale // want `//bplint:ignore discarded-signal suppresses nothing`
	_ = len("nothing to suppress here")

	//bplint:ignore slice-queue owned by unboundedqueue, not judged by ignoredsignal
	_ = 0

	q.TrySend(5) // want `result of q.TrySend is discarded`
}

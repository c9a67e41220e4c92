// Package drop_comment_only_default proves that a default with only
// comments is reported, even when the comment says the send is retried
// later: the reader cannot see that the state is kept, and SPEC counts
// comments as doing nothing. A directive with a reason silences it.
package drop_comment_only_default

type lessor struct {
	expiredC chan []int
	stopC    chan struct{}
}

// revoke tries again on the next tick: the leases stay
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

// snap says it drops: reported.
func (le *lessor) snap(ls []int) {
	select {
	case le.expiredC <- ls: // want `send on le.expiredC in a select with an empty default drops the value`
	default:
		// drop the snapshot message if the channel is full
	}
}

package unboundedqueue_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/bplint/bplint/unboundedqueue"
)

// TestQueueShapes: one package per shape of code the queue rules report
// or stay silent on, each with its negative and the nearest true positive.
func TestQueueShapes(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}),
		"unboundedqueue/queue_batch_bookkeeping",
		"unboundedqueue/queue_bounded_one_add",
		"unboundedqueue/queue_byte_chunks",
		"unboundedqueue/queue_caller_bound",
		"unboundedqueue/queue_claimed_once",
		"unboundedqueue/queue_closed_at_teardown",
		"unboundedqueue/queue_constructing",
		"unboundedqueue/queue_counted_at_caller",
		"unboundedqueue/queue_drained_in_call",
		"unboundedqueue/queue_drop_oldest",
		"unboundedqueue/queue_failure_notices",
		"unboundedqueue/queue_foreign_callback",
		"unboundedqueue/queue_foreign_field",
		"unboundedqueue/queue_gated_producer",
		"unboundedqueue/queue_length_through_local",
		"unboundedqueue/queue_list_forms",
		"unboundedqueue/queue_list_reordered",
		"unboundedqueue/queue_lru_evicts",
		"unboundedqueue/queue_one_side_evidence",
		"unboundedqueue/queue_ordered_set",
		"unboundedqueue/queue_keyed_list",
		"unboundedqueue/queue_pending_replies",
		"unboundedqueue/queue_rebuilt_snapshot",
		"unboundedqueue/queue_relay_emptiness",
		"unboundedqueue/queue_retention_window",
		"unboundedqueue/queue_inflight_written",
		"unboundedqueue/queue_rotation",
		"unboundedqueue/queue_round_robin",
		"unboundedqueue/queue_send_case",
		"unboundedqueue/queue_stack_pool",
		"unboundedqueue/queue_staging_transfer",
		"unboundedqueue/queue_swap_remove",
		"unboundedqueue/queue_test_code",
		"unboundedqueue/queue_test_double",
		"unboundedqueue/queue_test_double/mocks",
		"unboundedqueue/queue_foreign_callback/handler",
	)
}

func TestQueueBoundedByHolderLen(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/queue_bounded_by_holder_len")
}

func TestQueueExpiryList(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/queue_expiry_list")
}

func TestQueuePendingByUniqueKey(t *testing.T) {
	analysistest.Run(t, testdata, unboundedqueue.New(unboundedqueue.Config{}), "unboundedqueue/queue_pending_by_unique_key")
}

// Package test_fills_then_checks: in test code, a refused Offer or Allow
// whose object the test then reads back (a later call on the same receiver
// whose result it uses) is the test filling a buffer or draining a limiter
// on purpose and checking the state: not reported. A test that ignores the
// refusal and never looks at the object again, and production code that
// does the same, are reported.
package test_fills_then_checks

import "testing"

type Ring struct {
	items []int
	max   int
}

func (r *Ring) Offer(v int) bool {
	if len(r.items) >= r.max {
		return false
	}
	r.items = append(r.items, v)
	return true
}

func (r *Ring) Size() int { return len(r.items) }

// Fill is a suite helper: it fills the ring and checks its size.
func Fill(t *testing.T, r *Ring) {
	for i := 0; i < 5; i++ {
		r.Offer(i) // ok: read back below
	}
	if r.Size() != r.max {
		t.Fatalf("size %d", r.Size())
	}
}

// FillBlind ignores the refusals and never looks at the ring again.
func FillBlind(t *testing.T, r *Ring) {
	r.Offer(1) // want `result of r\.Offer is discarded`
	t.Log("filled")
}

// produce is production code: the refusal loses the value.
func produce(r *Ring, vs []int) {
	for _, v := range vs {
		r.Offer(v) // want `result of r\.Offer is discarded`
	}
	_ = r.Size()
}

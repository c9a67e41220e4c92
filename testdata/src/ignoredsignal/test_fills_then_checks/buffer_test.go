package test_fills_then_checks

import "testing"

func TestOverflow(t *testing.T) {
	r := &Ring{max: 2}
	r.Offer(1) // ok: the test checks the ring's size after
	r.Offer(2) // ok
	r.Offer(3) // ok
	if got := r.Size(); got != 2 {
		t.Fatalf("size %d, want 2", got)
	}
}

func TestOverflowInSubtest(t *testing.T) {
	r := &Ring{max: 1}
	t.Run("fill", func(t *testing.T) {
		r.Offer(1) // ok: read back in the literal
		r.Offer(2) // ok
		if r.Size() != 1 {
			t.Fatal("overfilled")
		}
	})
}

func TestIgnored(t *testing.T) {
	r := &Ring{max: 1}
	r.Offer(1) // want `result of r\.Offer is discarded`
	r.Offer(2) // want `result of r\.Offer is discarded`
	t.Log("done")
}

func TestRefusedInGoroutine(t *testing.T) {
	r := &Ring{max: 1}
	done := make(chan struct{}, 1)
	go func() {
		r.Offer(2) // ok: the test reads the ring back after starting the literal
		done <- struct{}{}
	}()
	if r.Size() > 1 {
		t.Fatal("overfilled")
	}
	<-done
}

func TestRefusedInGoroutineBlind(t *testing.T) {
	r := &Ring{max: 1}
	done := make(chan struct{}, 1)
	go func() {
		r.Offer(2) // want `result of r\.Offer is discarded`
		done <- struct{}{}
	}()
	<-done
	t.Log("done")
}

func TestRefusedInGoroutineReassigned(t *testing.T) {
	r := &Ring{max: 1}
	done := make(chan struct{}, 1)
	go func() {
		r.Offer(2) // ok: r is captured by reference and read back below
		done <- struct{}{}
	}()
	<-done
	if r.Size() > 1 {
		t.Fatal("overfilled")
	}
	r = nil
}

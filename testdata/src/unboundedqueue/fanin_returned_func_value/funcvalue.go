// Package fanin_returned_func_value proves unbuffered-fan-in on a channel
// returned with its goroutine pending by a function that the caller calls
// through a function value: a callback handed to a constructor and called
// through a field. When the package's call graph resolves the call to that
// one function, the caller that stops waiting leaves its goroutine blocked;
// the finding is on the make in the function. With two functions (or one
// from elsewhere) behind the value, it stays silent.
package fanin_returned_func_value

import "context"

type waiter struct {
	wait func(index uint64) <-chan struct{}
}

func newWaiter(wait func(uint64) <-chan struct{}) *waiter { return &waiter{wait: wait} }

func (w *waiter) await(ctx context.Context, index uint64) error {
	select {
	case <-w.wait(index):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func indexWaiter(uint64) <-chan struct{} { // want indexWaiter:`spawner`
	ch := make(chan struct{}) // want `the send in indexWaiter's goroutine at line 29 blocks forever when await returns at line 23 after the <-ctx.Done\(\) case: one goroutine leaks per call; buffer the channel for every sender \(capacity 1\)`
	go func() { ch <- struct{}{} }()
	return ch
}

func awaitIndex(ctx context.Context) error {
	return newWaiter(indexWaiter).await(ctx, 1)
}

// The fixed form: the buffer holds the answer nobody waits for.

type fixedWaiter struct {
	wait func(index int) <-chan struct{}
}

func (w *fixedWaiter) await(ctx context.Context, index int) error {
	select {
	case <-w.wait(index):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func indexWaiterFixed(int) <-chan struct{} { // want indexWaiterFixed:`spawner`
	ch := make(chan struct{}, 1) // ok: the late answer waits in the buffer
	go func() { ch <- struct{}{} }()
	return ch
}

func awaitFixed(ctx context.Context) error {
	w := &fixedWaiter{wait: indexWaiterFixed}
	return w.await(ctx, 1)
}

// Two functions behind the value: which one runs is not known here.

type eitherWaiter struct {
	wait func(index int8) <-chan struct{}
}

func (w *eitherWaiter) await(ctx context.Context, index int8) error {
	select {
	case <-w.wait(index):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func leakyWaiter(int8) <-chan struct{} { // want leakyWaiter:`spawner`
	ch := make(chan struct{}) // ok: the call graph sees two functions at the call
	go func() { ch <- struct{}{} }()
	return ch
}

func closedWaiter(int8) <-chan struct{} {
	ch := make(chan struct{})
	close(ch)
	return ch
}

func awaitEither(ctx context.Context, closed bool) error {
	w := &eitherWaiter{wait: leakyWaiter}
	if closed {
		w.wait = closedWaiter
	}
	return w.await(ctx, 1)
}

// A callback parameter the package never gets a value for: silent.
func awaitParam(ctx context.Context, wait func(int16) <-chan struct{}) error {
	select {
	case <-wait(1):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func unusedWaiter(int16) <-chan struct{} { // want unusedWaiter:`spawner`
	ch := make(chan struct{}) // ok: no caller of it leaves
	go func() { ch <- struct{}{} }()
	return ch
}

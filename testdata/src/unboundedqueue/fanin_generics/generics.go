// Package fanin_generics proves unbuffered-fan-in on generic code: a
// generic function that leaves its sender blocked is reported, its fixed
// form and a generic helper's senders are followed like any other.
package fanin_generics

import (
	"context"
)

func first[T any](ctx context.Context, f func() T) (T, error) {
	ch := make(chan T) // want `the send on ch at line 12 blocks forever when first returns at line 18 after the <-ctx.Done\(\) case`
	go func() { ch <- f() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

func firstFixed[T any](ctx context.Context, f func() T) (T, error) {
	ch := make(chan T, 1) // ok: buffered for its one sender
	go func() { ch <- f() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

func startAll[T any](ch chan<- T, fs []func() T) {
	for _, f := range fs {
		go func() { ch <- f() }()
	}
}

func any1[T any](fs []func() T) T {
	ch := make(chan T) // want `the sends on ch at line 36 block forever when any1 returns at line 43`
	startAll(ch, fs)
	return <-ch
}

func use(ctx context.Context) {
	first(ctx, func() int { return 1 })
	any1([]func() string{func() string { return "" }})
}

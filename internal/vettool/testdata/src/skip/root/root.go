// Package root uses every fact of the other packages.
package root

import (
	"skip/blocksends"
	"skip/callback"
	"skip/field"
	"skip/iface"
	"skip/limiter"
	"skip/marker"
	"skip/plain"
	"skip/sends"
	"skip/signal"
	"skip/useblocksends"
	"skip/usedie"
	"skip/usemid"
	"skip/usepending"
	"skip/useperitem"
	"skip/usespawn"
	"skip/wrapuse"
)

func Use(q *signal.Q, ch chan int, l interface{}) {
	wrapuse.Push2(q, 1)
	marker.Accept(1)
	for v := range ch {
		usespawn.Launch()
		go sends.Put(ch, v)
	}
	useperitem.Each(ch, func(int) { go func() {}() })
	(&field.Handler{OnItem: func(int) { go func() {}() }}).Loop(ch)
	callback.Loop(ch, func(int) { go func() {}() })
	callback.Generic(ch, func(int) { go func() {}() })
	_ = plain.Upper(nil)
	if l == nil {
		usedie.Fatal()
	}
	usemid.Halt()
}

// Feed leaves the senders of Feed and Relay blocked: one receive each.
func Feed(xs []int) int {
	ch := make(chan int)
	go blocksends.Feed(ch, xs)
	up := make(chan int)
	go useblocksends.Relay(up, xs)
	return <-ch + <-up
}

// Drop receives nothing from a channel with a sender pending.
func Drop() {
	c := usepending.Fetch()
	_ = c
}

// Serve starts a goroutine per item through an interface method's callback.
func Serve(ch <-chan int) {
	iface.New().Serve(ch, func(int) { go func() {}() })
}

func Limit() {
	limiter.Take(nil)
}

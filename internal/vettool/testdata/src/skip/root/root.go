// Package root uses every fact of the other packages.
package root

import (
	"skip/callback"
	"skip/field"
	"skip/limiter"
	"skip/marker"
	"skip/plain"
	"skip/sends"
	"skip/signal"
	"skip/usedie"
	"skip/usemid"
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

func Limit() {
	limiter.Take(nil)
}

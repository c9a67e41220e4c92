// Package spawn_handler_table_registered proves that a handler which
// starts a goroutine per call, registered in another package's table that
// its read loop calls once per message, is a goroutine per message: the
// registration is reported (the go statement is in the other package), and
// so is the go statement of a literal of this package registered there. A
// handler that runs in place, one a wrapper runs in place, and a spawner
// handed to a function that calls it once are not.
package spawn_handler_table_registered

import "unboundedqueue/handlertable"

type Work struct{}
type Ping struct{}

type control struct {
	d *handlertable.Dispatcher
}

func (c *control) handleWork(m handlertable.Message) {}
func (c *control) handlePing(m handlertable.Message) {}

func (c *control) setup() {
	c.d.Register(&Work{}, handlertable.Async(c.handleWork))  // want `Async returns a handler that starts a goroutine \(table.go:\d+\) per call, and Register calls it once per item, with no limit`
	c.d.Register(&Ping{}, c.handlePing)                      // ok: runs in place
	c.d.Register(&Ping{}, handlertable.Logged(c.handlePing)) // ok: the handler Logged returns runs in place
	c.d.Append(handlertable.Async(c.handleWork))             // want `Async returns a handler that starts a goroutine \(table.go:\d+\) per call, and Append calls it once per item, with no limit`
	once(handlertable.Async(c.handleWork))                   // ok: called once
	c.d.Register(&Work{}, func(m handlertable.Message) {
		go c.handleWork(m) // want `goroutine started in a callback that Register calls once per item, with no limit`
	})
}

func once(h func(handlertable.Message)) { h(nil) }

// Package handlertable is the library side of a handler table called per
// message across packages: a dispatcher's read loop looks a handler up by
// message type in a map field and calls it once per message read, handlers
// are registered through a method that stores its parameter there, and the
// package offers a wrapper that returns a handler running the wrapped one
// on a goroutine of its own. The facts say so: the map field is called per
// item, Register calls its parameter per item, Async returns a spawner.
package handlertable

import "reflect"

type Message interface{}

type Reader interface {
	ReadMsg() (Message, error)
}

type Dispatcher struct {
	rw       Reader
	handlers map[reflect.Type]func(Message) // want handlers:"peritem"
	list     []func(Message)                // want list:"peritem"
}

func (d *Dispatcher) readLoop() {
	for {
		m, err := d.rw.ReadMsg()
		if err != nil {
			return
		}
		if h, ok := d.handlers[reflect.TypeOf(m)]; ok {
			h(m)
		}
		for i := range d.list {
			d.list[i](m)
		}
	}
}

// Register stores handler in the table the read loop calls per message.
func (d *Dispatcher) Register(msg Message, handler func(Message)) { // want Register:"summary\\(peritem\\[1\\]\\)"
	d.handlers[reflect.TypeOf(msg)] = handler
}

// Append adds handler to the list the read loop calls per message.
func (d *Dispatcher) Append(handler func(Message)) { // want Append:"summary\\(peritem\\[0\\]\\)"
	d.list = append(d.list, handler)
}

// Async returns a handler that runs f on a goroutine of its own.
func Async(f func(Message)) func(Message) { // want Async:"summary\\(returnsspawner\\)"
	return func(m Message) {
		go f(m)
	}
}

// Logged returns a handler that runs f in place.
func Logged(f func(Message)) func(Message) {
	return func(m Message) {
		f(m)
	}
}

// Run starts the read loop.
func (d *Dispatcher) Run() { // want Run:"summary\\(spawner\\)"
	go d.readLoop()
}

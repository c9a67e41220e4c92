// Package test_double_callee proves that an implementation that exists only
// in the package's tests (a spy transport) is not what production code
// runs: a production loop calling the interface is not a spawn per item
// because the test double spawns. A production implementation that spawns
// still is.
package test_double_callee

type RPC interface {
	Request(id int) error
}

type consumer struct {
	rpc    RPC
	events chan int
}

func (c *consumer) loop() {
	for id := range c.events {
		c.rpc.Request(id) // ok: only a test double of RPC spawns
	}
}

type Notifier interface{ Notify(id int) }

type asyncNotifier struct{}

func (asyncNotifier) Notify(id int) { go func() { _ = id }() } // want Notify:"spawner"

type producer struct {
	n      Notifier
	events chan int
}

func newProducer(events chan int) *producer {
	return &producer{n: asyncNotifier{}, events: events}
}

func (p *producer) loop() {
	for id := range p.events {
		p.n.Notify(id) // want `Notify starts a goroutine \(client.go:\d+\) per value received from p.events with no limit`
	}
}

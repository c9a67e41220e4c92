// Package spawn proves goroutine-per-item: goroutines spawned for each item
// of an unbounded source (channel, Accept, Scan, Recv) with no limit are
// reported; limits taken before the spawn in the same iteration, fixed
// worker pools and loops over slices, maps and integers are not.
package spawn

import (
	"bufio"
	"context"
	"net"
	"net/http"

	"golang.org/x/net/netutil"
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

type Msg struct{ ID int }

func handle(Msg)         {}
func serveConn(net.Conn) {}
func work(string)        {}

func rangeChannel(in <-chan Msg) {
	for m := range in {
		go handle(m) // want `goroutine started per value received from in with no limit: under load they pile up; take a semaphore before the spawn or use a fixed pool of workers`
	}
}

func selectLoop(ctx context.Context, in <-chan Msg) {
	for {
		select {
		case m := <-in:
			go func() { // want `goroutine started per value received from in with no limit`
				handle(m)
			}()
		case <-ctx.Done():
			return
		}
	}
}

func acceptLoop(l net.Listener) error {
	for {
		c, err := l.Accept()
		if err != nil {
			return err
		}
		go serveConn(c) // want `goroutine started per connection accepted by l\.Accept\(\) with no limit: .*wrap the listener with netutil\.LimitListener`
	}
}

func scanLoop(sc *bufio.Scanner) {
	for sc.Scan() {
		line := sc.Text()
		go work(line) // want `goroutine started per line scanned by sc\.Scan\(\) with no limit`
	}
}

type stream interface{ Recv() (*Msg, error) }

func recvLoop(s stream) {
	for {
		m, err := s.Recv()
		if err != nil {
			return
		}
		go handle(*m) // want `goroutine started per message received by s\.Recv\(\) with no limit`
	}
}

func errgroupNoLimit(ctx context.Context, in <-chan Msg) error {
	g, ctx := errgroup.WithContext(ctx)
	for m := range in {
		g.Go(func() error { handle(m); return nil }) // want `errgroup \(no SetLimit\) goroutine started per value received from in with no limit`
	}
	return g.Wait()
}

// Negatives.

func semaphoreChannel(in <-chan Msg) {
	sem := make(chan struct{}, 8)
	for m := range in {
		sem <- struct{}{} // the limit, taken before the spawn
		go func() {       // ok: at most 8 at a time
			defer func() { <-sem }()
			handle(m)
		}()
	}
}

func weighted(ctx context.Context, in <-chan Msg, sem *semaphore.Weighted) {
	for m := range in {
		if err := sem.Acquire(ctx, 1); err != nil {
			return
		}
		go func() { // ok: Acquire before the spawn
			defer sem.Release(1)
			handle(m)
		}()
	}
}

func errgroupLimit(ctx context.Context, in <-chan Msg) error {
	g, _ := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for m := range in {
		g.Go(func() error { handle(m); return nil }) // ok: SetLimit bounds the group
	}
	return g.Wait()
}

func limitListener(l net.Listener) {
	l = netutil.LimitListener(l, 100)
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go serveConn(c) // ok: LimitListener bounds the connections
	}
}

func workerPool(in <-chan Msg, n int) {
	for i := 0; i < n; i++ {
		go func() { // ok: a fixed pool of n workers
			for m := range in {
				handle(m)
			}
		}()
	}
}

func overSlice(ms []Msg, byID map[int]Msg) {
	for _, m := range ms {
		go handle(m) // ok: the slice's size is the caller's (reported with -strict)
	}
	for _, m := range byID {
		go handle(m) // ok: likewise
	}
	for i := range 10 {
		go handle(Msg{ID: i}) // ok: a fixed count
	}
}

func httpServer(h http.Handler) error {
	return http.ListenAndServe(":0", h) // ok: net/http's own spawning is not user code
}

// Traps: limits that do not bound the goroutines.

func semaphoreInsideGoroutine(in <-chan Msg) {
	sem := make(chan struct{}, 8)
	for m := range in {
		go func() { // want `goroutine started per value received from in with no limit`
			sem <- struct{}{} // too late: the goroutine already exists
			defer func() { <-sem }()
			handle(m)
		}()
	}
}

func releasedAroundSpawn(in <-chan Msg) {
	sem := make(chan struct{}, 8)
	for m := range in {
		sem <- struct{}{}
		go handle(m) // want `goroutine started per value received from in with no limit`
		<-sem        // released at once: bounds only the go statement
	}
}

// Goroutines started only to block on a send are queued items.

func queuedSend(out chan Msg, m Msg) { // want queuedSend:"spawner"
	go func() { // want `goroutine started only to send m on out is a queued item with no bound`
		out <- m
	}()
}

func wakeUp(kick chan struct{}) { // want wakeUp:"spawner"
	go func() { kick <- struct{}{} }() // ok: a struct{} wake-up
}

func computed(out chan int) { // want computed:"spawner"
	go func() { out <- expensive() }() // ok: the goroutine does the work; the value is not computed before it
}

func expensive() int { return 1 }

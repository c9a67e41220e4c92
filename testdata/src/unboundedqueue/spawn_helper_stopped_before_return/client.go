package spawn_helper_stopped_before_return

import "context"

type watchClient struct{}

// newWatchClient starts the goroutine serving a new client: a spawner.
func newWatchClient() *watchClient { // want newWatchClient:"spawner"
	wc := &watchClient{}
	go func() {}()
	return wc
}

// run reconnects when the client fails (etcd clientv3 watchGRPCStream.run):
// one new client per error, not per item.
func run(ctx context.Context, errc chan error, reqc chan int) {
	for {
		select {
		case err := <-errc:
			if err != nil {
				newWatchClient()
			}
		case r := <-reqc:
			_ = r
		case <-ctx.Done():
			return
		}
	}
}

// serve starts a client per request received: reported.
func serve(ctx context.Context, reqc chan int) {
	for {
		select {
		case r := <-reqc:
			_ = r
			newWatchClient() // want `newWatchClient starts a goroutine \(client\.go:10\) per value received from reqc with no limit`
		case <-ctx.Done():
			return
		}
	}
}

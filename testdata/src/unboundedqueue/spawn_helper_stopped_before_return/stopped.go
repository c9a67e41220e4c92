// Package spawn_helper_stopped_before_return: a function whose
// helper goroutine is stopped before it returns is not a spawner (its queue
// cases are in queue_constructing). The goroutine may be a literal or a
// named function the go statement passes the channel to (watcher.go: go
// watch(done), then close(done) before returning); closing another channel
// than the one it waits on stops nothing, reported.
package spawn_helper_stopped_before_return

type pipeline struct {
	msgc  chan []byte
	stopc chan struct{}
}

func (p *pipeline) post(data []byte) error {
	done := make(chan struct{}, 1)
	go func() {
		select {
		case <-done:
		case <-p.stopc:
		}
	}()
	_ = data
	done <- struct{}{} // the helper ends here, before post returns
	return nil
}

func (p *pipeline) handle() {
	for {
		select {
		case m := <-p.msgc:
			p.post(m) // ok: post does not leave a goroutine running
		case <-p.stopc:
			return
		}
	}
}

package fanin_error_after_last_send

import "context"

// start returns the two channels of the reader it starts.
func start(c *conn) (chan int, chan error) { // want start:"spawner"
	msgs := make(chan int) // want `the send in start's goroutine at line 34 blocks forever when subscribeCancel returns at line 36 after the <-ctx.Done\(\) case`
	errs := make(chan error)
	go reader(c, msgs, errs)
	return msgs, errs
}

// subscribe leaves only after the error: silent.
func subscribe(c *conn, handler func(int)) error { // want subscribe:"spawner"
	msgs, errs := start(c)
	for {
		select {
		case m := <-msgs:
			handler(m)
		case err := <-errs:
			return err
		}
	}
}

// subscribeCancel also leaves on ctx.Done: the reader may be blocked then.
func subscribeCancel(ctx context.Context, c *conn, handler func(int)) error { // want subscribeCancel:"spawner"
	msgs, errs := start(c)
	for {
		select {
		case m := <-msgs:
			handler(m)
		case err := <-errs:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

package fanin_error_after_last_send

// pendingOne returns a channel with one sender pending on it.
func pendingOne() chan int { // want pendingOne:"spawner"
	msgs := make(chan int) // want `blocks forever when mixed returns at line 21 after the <-errs case`
	go func() { msgs <- 1 }()
	return msgs
}

// mixed starts a reader on a channel that already has a sender pending:
// the reader's last send tells nothing of the other sender, which leaving
// on the error can leave blocked.
func mixed(c *conn) error {
	msgs := pendingOne()
	errs := make(chan error)
	go reader(c, msgs, errs)
	for {
		select {
		case <-msgs:
		case err := <-errs:
			return err
		}
	}
}

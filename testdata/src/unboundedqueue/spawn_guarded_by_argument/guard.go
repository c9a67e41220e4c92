// Package spawn_guarded_by_argument proves that a spawner whose every spawn
// is under `if p`, p one of its bool parameters, does not spawn at a call
// that passes the constant false for p; a call that passes true, or a
// value the analysis cannot tell, still does.
package spawn_guarded_by_argument

type source struct{ url string }

type torrent struct {
	disabled  map[string]bool
	failed    chan *source
	retryable chan *source
	refused   chan *source
	retry     bool
}

func (t *torrent) notifyRetry(s *source) {}

// disableSource starts a retry goroutine only when asked to.
func (t *torrent) disableSource(s *source, retry bool) {
	t.disabled[s.url] = true
	if retry {
		go t.notifyRetry(s)
	}
}

// handleFailed never asks for a retry.
func (t *torrent) handleFailed(s *source) {
	t.disableSource(s, false)
}

// disableQuietly returns early unless asked to retry: the spawn is still
// only on the true side of retry.
func (t *torrent) disableQuietly(s *source, retry bool) {
	if !retry {
		return
	}
	go t.notifyRetry(s)
}

func (t *torrent) run() {
	for {
		select {
		case s := <-t.failed:
			t.handleFailed(s)
			t.disableQuietly(s, false)
		case s := <-t.retryable:
			t.disableSource(s, true) // want `disableSource starts a goroutine \(guard.go:\d+\) per value received from t.retryable with no limit`
		case s := <-t.refused:
			t.disableSource(s, t.retry) // want `disableSource starts a goroutine \(guard.go:\d+\) per value received from t.refused with no limit`
		}
	}
}

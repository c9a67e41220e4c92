// Package queue_rebuilt_snapshot proves that a slice refilled right after
// the function emptied it (q = q[:0], then the appends) is a snapshot
// rebuilt from its source, as long as the source, not a backlog. The
// nearest true positive, the same appends without the reset, is reported.
package queue_rebuilt_snapshot

import "sync"

type info struct {
	urls []string
}

type server struct {
	mu   sync.Mutex
	urls map[string]struct{}
	info info
	more []string
}

func (s *server) refresh() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.info.urls = s.info.urls[:0]
	for u := range s.urls {
		s.info.urls = append(s.info.urls, u) // ok: rebuilt from the map after the reset
	}
}

func (s *server) Add(u string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for v := range s.urls {
		s.more = append(s.more, v+u) // want `slice s.more is a queue \(grows in server.Add, taken from the front in nextMore\)`
	}
}

func (s *server) nextURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.info.urls[0]
	s.info.urls = s.info.urls[1:]
	return u
}

func (s *server) nextMore() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.more[0]
	s.more = s.more[1:]
	return u
}

// Package spawn_send_once_per_key proves that a goroutine started only to
// send stays reported when a guard admits it at most once per key (the go
// statement dominated by a missed map lookup, the key stored before it): the
// guard bounds how many there are, but each one still blocks forever when
// its receiver is gone, the harm a once-per-key spawn of other work does not
// have (a closing watcher's hand-off to a run loop that has exited, etcd's
// clientv3 before its drain). So selectDB, once per database index, is
// reported as replaceDB, on every call, is.
package spawn_send_once_per_key

import "sync"

type checker struct{ db int }

type db struct {
	index   int
	checker *checker
}

type store struct {
	mu       sync.Mutex
	dbs      map[int]*db
	checkers chan *checker
}

func (s *store) selectDB(index int) *db {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.dbs[index]; ok {
		return d
	}
	d := &db{index: index, checker: &checker{db: index}}
	s.dbs[index] = d
	go func(d *db) { // want `goroutine started only to send d.checker on s.checkers is a queued item with no bound`
		s.checkers <- d.checker
	}(d)
	return d
}

func (s *store) replaceDB(index int) *db { // want replaceDB:"spawner"
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &db{index: index, checker: &checker{db: index}}
	s.dbs[index] = d
	go func(d *db) { // want `goroutine started only to send d.checker on s.checkers is a queued item with no bound`
		s.checkers <- d.checker
	}(d)
	return d
}

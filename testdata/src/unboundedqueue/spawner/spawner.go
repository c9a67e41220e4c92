// Package spawner proves the spawner fact: a function that starts a
// goroutine on every call (directly or through another spawner), with no
// limit taken first, is a spawner; conditional or limited spawns are not.
package spawner

type Conn struct{}

func serve(c *Conn) {}

// HandleAsync spawns on every call.
func HandleAsync(c *Conn) { // want HandleAsync:"spawner"
	go serve(c)
}

// Dispatch spawns through HandleAsync.
func Dispatch(c *Conn) { // want Dispatch:"spawner"
	HandleAsync(c)
}

type Server struct{ sem chan struct{} }

// Start is a method spawner.
func (s *Server) Start(c *Conn) { // want Start:"spawner"
	go serve(c)
}

// Bounded takes a limit first: not a spawner.
func (s *Server) Bounded(c *Conn) {
	s.sem <- struct{}{}
	go func() {
		defer func() { <-s.sem }()
		serve(c)
	}()
}

// Sometimes spawns only on one path: not on every call.
func Sometimes(c *Conn, async bool) {
	if async {
		go serve(c)
		return
	}
	serve(c)
}

func loop(in <-chan *Conn, s *Server) {
	for c := range in {
		Dispatch(c)         // want `Dispatch starts a goroutine \(spawner\.go:12\) per value received from in with no limit`
		s.Bounded(c)        // ok: bounded
		Sometimes(c, false) // ok: not a spawner
	}
}

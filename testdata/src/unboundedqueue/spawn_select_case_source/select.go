// Package spawn_select_case_source proves that a spawn in one receive case of a
// select loop is described by that case's channel, not by the first channel
// the loop receives from (a spawn in the case of the expired leases was
// described by the first case's channel). The spawner in the case is still
// reported, with the right source.
package spawn_select_case_source

type Lease struct{ ID int }
type Entry struct{ Index int }

type Server struct{ done chan struct{} }

func (s *Server) apply(e Entry) {}

func (s *Server) revoke(leases []Lease) { // want revoke:"spawner"
	go func() {
		for range leases {
		}
	}()
}

func (s *Server) run(applyc <-chan Entry, expired <-chan []Lease) {
	for {
		select {
		case e := <-applyc:
			s.apply(e) // ok: no spawn here
		case leases := <-expired:
			s.revoke(leases) // want `revoke starts a goroutine \(select\.go:16\) per value received from expired with no limit`
		case <-s.done:
			return
		}
	}
}

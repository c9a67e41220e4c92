// Package peritemdep is the library side of a callback called per item
// across packages: HandleStreams reads frames and calls its handle
// parameter once per stream (through a helper), as a transport does.
package peritemdep

type Frame struct{ Stream int }

type Framer interface {
	ReadFrame() (Frame, error)
}

type Transport struct{ fr Framer }

// StreamServer is implemented by Transport: its HandleStreams calls the
// callback per item.
type StreamServer interface {
	HandleStreams(handle func(int)) // want HandleStreams:"summary\\(peritem\\[0\\]\\)"
}

// HandleStreams calls handle once per frame read.
func (t *Transport) HandleStreams(handle func(int)) { // want HandleStreams:"summary\\(peritem\\[0\\]\\)"
	for {
		f, err := t.fr.ReadFrame()
		if err != nil {
			return
		}
		t.operate(f, handle)
	}
}

func (t *Transport) operate(f Frame, handle func(int)) {
	if f.Stream > 0 {
		handle(f.Stream)
	}
}

// Server is configured with a handler field called once per frame.
type Server struct {
	OnFrame func(Frame) // want OnFrame:"peritem"
	fr      Framer
}

func (s *Server) Serve() {
	for {
		f, err := s.fr.ReadFrame()
		if err != nil {
			return
		}
		s.OnFrame(f)
	}
}

// Sync calls its callback once, not per item.
func Sync(f func()) { f() }

// Package handler declares the interface another package calls back (a
// loss handler), for queue_foreign_callback.
package handler

type Frame struct{ Data []byte }

// FrameHandler is told what happened to a frame it was given.
type FrameHandler interface {
	OnAcked(Frame)
	OnLost(Frame)
}

// Track stands for the code that calls the handlers back.
func Track(f Frame, h FrameHandler) { h.OnLost(f) }

// Package field calls a func-typed field once per item of a channel.
package field

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Handler holds a callback called per item.
type Handler struct{ OnItem func(int) }

// Loop calls h.OnItem for every value received from ch.
func (h *Handler) Loop(ch <-chan int) {
	for x := range ch {
		h.OnItem(x)
	}
}

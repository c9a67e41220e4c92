// Package options proves the signals option: listed functions and methods are
// signals (run with signals=ignoredsignal/options.Emit,(*ignoredsignal/options.Bus).Publish).
package options

type Bus struct{}

func (b *Bus) Publish(topic string, msg []byte) error { return nil }
func (b *Bus) Subscribe(topic string) error          { return nil }

func Emit(ev string) bool { return true }

func use(b *Bus) {
	b.Publish("t", nil) // want `error of b.Publish is discarded`
	Emit("e")           // want `result of Emit is discarded`
	b.Subscribe("t")    // ok: not listed
}

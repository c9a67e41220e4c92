// Package marker proves //bplint:signal: a marked function is a signal here
// and in other packages (a fact), and a marked function without results is
// a directive problem.
package marker

// Publish reports whether the broker accepted the message.
//
//bplint:signal
func Publish(msg string) bool { return len(msg) > 0 } // want Publish:`signal\(marked\)`

//bplint:signal
func Reserve(n int) (int, error) { return n, nil } // want Reserve:`signal\(marked\)`

//bplint:signal
func Nothing() {} // want `//bplint:signal on Nothing, which returns nothing`

// Unmarked is not a signal.
func Unmarked(msg string) bool { return true }

func use() {
	Publish("x")   // want `result of Publish is discarded: the consumer's refusal is lost`
	Reserve(1)     // want `error of Reserve is discarded`
	Unmarked("x")  // ok: not marked
	if !Publish("y") { // ok: checked
		return
	}
}

// Package strict proves the strict option (run with strict=true): loops over
// slices and maps that spawn without a limit are reported too.
package strict

func handle(int) {}

func overSlice(xs []int, m map[string]int) {
	for _, x := range xs {
		go handle(x) // want `goroutine started per element of xs with no limit`
	}
	for _, v := range m {
		go handle(v) // want `goroutine started per element of m`
	}
	for i := range 4 {
		go handle(i) // ok: an integer range is a fixed pool even in strict mode
	}
}

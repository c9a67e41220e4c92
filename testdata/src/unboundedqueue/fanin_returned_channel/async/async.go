// Package async returns channels with a goroutine pending on them: its
// functions get a PendingFact that its importers use.
package async

type Result struct{ N int }

func slowCall() Result { return Result{} }

// Fetch returns the channel its goroutine sends the result on.
func Fetch() <-chan Result { // want Fetch:`pending\(result 0: 1\)`
	ch := make(chan Result)
	go func() { ch <- slowCall() }()
	return ch
}

// FetchBuffered leaves nothing pending: the result fits in the buffer.
func FetchBuffered() <-chan Result {
	ch := make(chan Result, 1)
	go func() { ch <- slowCall() }()
	return ch
}

// FetchAll starts one goroutine per id.
func FetchAll(ids []int) <-chan Result { // want FetchAll:`pending\(result 0: 0\+1\*len p0\)`
	ch := make(chan Result)
	for range ids {
		go func() { ch <- slowCall() }()
	}
	return ch
}

// Produce sends on its parameter from a goroutine.
func Produce(ch chan<- Result) { // want Produce:`sends\(param 0: 1 sends in goroutines\)`
	go func() { ch <- slowCall() }()
}

// Package workers starts goroutines that send on a channel it is handed:
// its functions get a SendsFact that its importers use.
package workers

// StartAll starts one goroutine per job, each sending one result.
func StartAll(out chan<- int, jobs []int) { // want StartAll:`sends\(param 0: 0\+1\*len p1 sends in goroutines\)`
	for _, j := range jobs {
		go func() { out <- j * 2 }()
	}
}

// StartTwo starts two senders.
func StartTwo(out chan<- int) { // want StartTwo:`sends\(param 0: 2 sends in goroutines\)`
	go func() { out <- 1 }()
	go func() { out <- 2 }()
}

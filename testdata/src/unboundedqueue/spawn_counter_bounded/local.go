package spawn_counter_bounded

import "time"

// dispatch keeps its worker count in a local: a worker is started only
// while the count is under the maximum, the count is raised with each
// start and lowered when an idle worker is stopped. At most max workers
// run; the tasks beyond them wait in the queue for a free worker.
func dispatch(tasks chan func(), workers chan func(), max int, idle <-chan time.Time) {
	count := 0
	for {
		select {
		case t, ok := <-tasks:
			if !ok {
				return
			}
			select {
			case workers <- t:
			default:
				if count < max {
					go worker(t, workers) // ok: count < max admits it, count++ below, count-- when one is stopped
					count++
				} else {
					workers <- t
				}
			}
		case <-idle:
			if count > 0 {
				workers <- nil // stop one idle worker
				count--
			}
		}
	}
}

func worker(t func(), workers chan func()) {
	for t != nil {
		t()
		t = <-workers
	}
}

// dispatchNeverLowered raises its count and never lowers it: once max
// were started nothing spawns, and until then every task spawns (as the
// field counter of leaky).
func dispatchNeverLowered(tasks chan func(), workers chan func(), max int) {
	count := 0
	for t := range tasks {
		if count < max {
			go worker(t, workers) // want `goroutine started per value received from tasks with no limit`
			count++
		} else {
			workers <- t
		}
	}
}

// dispatchCountedElsewhere compares a count that the spawn does not raise.
func dispatchCountedElsewhere(tasks chan func(), workers chan func(), max int, idle <-chan time.Time) {
	count := 0
	for {
		select {
		case t := <-tasks:
			if count < max {
				go worker(t, workers) // want `goroutine started per value received from tasks with no limit`
			}
		case <-idle:
			count++
			if count > max {
				count--
			}
		}
	}
}

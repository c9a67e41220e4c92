// Package spawn_source_stopped: a spawn on a path that sets the channel the
// loop receives from to nil runs once per channel, not once per item: a nil
// channel is never ready in a select, so the case cannot fire again.
package spawn_source_stopped

type vote struct{ granted bool }

type node struct {
	peers []string
	rpcs  chan string
	stop  chan struct{}
}

func (n *node) ask(string) vote { return vote{true} }

// elect starts one goroutine per peer (a fixed set) and returns the channel
// they answer on.
func (n *node) elect() <-chan vote {
	ch := make(chan vote, len(n.peers))
	for _, p := range n.peers {
		go func() { ch <- n.ask(p) }()
	}
	return ch
}

func (n *node) handle(string) {}

// campaign counts pre-votes; once they are won it stops receiving them
// (prevotes = nil) and starts the election: once per campaign.
func (n *node) campaign(need int) {
	prevotes := n.elect()
	var votes <-chan vote
	granted := 0
	for {
		select {
		case r := <-n.rpcs:
			n.handle(r)
		case v := <-prevotes:
			if v.granted {
				granted++
			}
			if granted >= need {
				prevotes = nil
				votes = n.elect() // ok: prevotes is nil from here on, the case cannot fire again
			}
			if granted < 0 {
				n.handle("lost") // a join after the branch: prevotes is nil on the spawning path only
			}
		case v := <-votes:
			if v.granted {
				return
			}
		case <-n.stop:
			return
		}
	}
}

// campaignAgain keeps receiving pre-votes after the election starts: one
// election per pre-vote.
func (n *node) campaignAgain(need int) {
	prevotes := n.elect()
	var votes <-chan vote
	granted := 0
	for {
		select {
		case v := <-prevotes:
			if v.granted {
				granted++
			}
			if granted >= need {
				votes = n.elect() // want `elect starts a goroutine \(stopped.go:21\) per value received from prevotes`
			}
		case v := <-votes:
			if v.granted {
				return
			}
		case <-n.stop:
			return
		}
	}
}

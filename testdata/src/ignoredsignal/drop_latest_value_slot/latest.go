// Package drop_latest_value_slot proves that a non-blocking send right
// after a non-blocking receive from the same channel that discards the
// value (drain the stale value, then send the current one) is a
// latest-value slot, not a drop: the send fails only when another producer
// stored a value between the two selects, as recent as the one dropped.
// The nearest true positives, the same send without the drain and a drain
// of another channel, are reported.
package drop_latest_value_slot

type descriptor struct{ name string }

type provider struct {
	svcs  chan descriptor
	other chan descriptor
}

func (p *provider) Update(d descriptor) {
	select {
	case <-p.svcs:
	default:
	}
	select {
	case p.svcs <- d: // ok: the stale value was drained first
	default:
	}
}

func (p *provider) UpdateOverwrite(d descriptor) {
	select {
	case p.svcs <- d:
	default:
		select {
		case <-p.svcs:
		default:
		}
		select {
		case p.svcs <- d: // ok: retried after draining the stale value
		default:
		}
	}
}

func (p *provider) Push(d descriptor) {
	select {
	case p.svcs <- d: // want `send on p.svcs in a select with an empty default drops the value`
	default:
	}
}

func (p *provider) DrainOther(d descriptor) {
	select {
	case <-p.other:
	default:
	}
	select {
	case p.svcs <- d: // want `send on p.svcs in a select with an empty default drops the value`
	default:
	}
}

func (p *provider) Current() descriptor {
	return <-p.svcs
}

func (p *provider) Other() descriptor {
	return <-p.other
}

// UpdateInCase drains in the case of a select that otherwise sends: the
// drop select runs right after the stale value was taken.
func (p *provider) UpdateInCase(d descriptor) {
	select {
	case <-p.svcs:
		select {
		case p.svcs <- d: // ok: the stale value was drained by the case
		default:
		}
	case p.svcs <- d:
	}
}

// UpdateInOtherCase drains another channel in the case: reported.
func (p *provider) UpdateInOtherCase(d descriptor) {
	select {
	case <-p.other:
		select {
		case p.svcs <- d: // want `send on p.svcs in a select with an empty default drops the value`
		default:
		}
	case p.svcs <- d:
	}
}

// Package unread answers "is this result of a call read on any path?", on
// SSA form, where a value assigned to a local and overwritten before any use
// has no referrers (the SSA builder drops dead definitions and dead phis).
package unread

import "golang.org/x/tools/go/ssa"

// Result reports whether result index of call is never read. A value stored
// to memory (a field, a global, a variable captured by a closure) counts as
// read: whether that memory is read later is not decided here.
func Result(call *ssa.Call, index int) bool {
	if call.Call.Signature().Results().Len() == 1 {
		return !used(call)
	}
	for _, r := range *call.Referrers() {
		switch r := r.(type) {
		case *ssa.Extract:
			if r.Index == index && used(r) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false // the tuple itself escapes somewhere; be conservative
		}
	}
	return true
}

func used(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return true // not an instruction value; cannot tell
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

package blocked

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
)

// A use is one thing a function does with a channel it can see.
type use struct {
	kind  useKind
	instr ssa.Instruction
	state int // for a select: the index of the channel's case
	site  ssa.CallInstruction
	arg   int           // the argument (or closure binding) that is the channel
	g     *ssa.Function // the callee or the closure's function, if known
	why   string        // for escapes: what the code does with the channel
	ret   int           // for a closure: 1 + the result it is returned as, or 0
}

type useKind uint8

const (
	useSend       useKind = iota + 1 // a blocking send
	useSendSelect                    // a send in a select that can take another case (the sender can give up)
	useRecv                          // a receive (instr: the UnOp)
	useRecvSelect                    // a receive case of a select (instr: the Select, state: the case)
	useClose                         // close(ch)
	useCall                          // the channel is an argument of a call, go or defer of g
	useClosure                       // a closure g captures the channel; site is how it runs (nil: it escapes)
	useReturn                        // returned (instr: the Return, arg: the result index)
	useEscape                        // anything else: stored, sent, converted, passed to code we cannot see
)

// uses walks the values that are the channel inside one function: the roots
// (the make, a parameter, a free variable), the cells of captured variables
// that hold it (an Alloc stored only with the channel), and the loads of
// those cells. Each use is reported once, in instruction order.
func uses(fn *ssa.Function, forest func(*ssa.Function) *loops.Forest, roots []ssa.Value, visit func(use)) {
	w := walker{fn: fn, seen: make(map[ssa.Value]bool), visit: visit, forest: forest}
	for _, r := range roots {
		w.value(r)
	}
}

type walker struct {
	fn     *ssa.Function
	seen   map[ssa.Value]bool
	visit  func(use)
	forest func(*ssa.Function) *loops.Forest
}

// fresh reports whether the variable alloc is a new one wherever the store
// of the channel runs: every loop around the store also allocates it. A
// variable declared outside a loop that makes a channel per iteration
// holds the channel of whichever iteration ran last.
func (w *walker) fresh(alloc *ssa.Alloc, store *ssa.Store) bool {
	for l := w.forest(w.fn).Innermost(store.Block()); l != nil; l = l.Parent {
		if !l.Blocks[alloc.Block()] {
			return false
		}
	}
	return true
}

func (w *walker) escape(instr ssa.Instruction, why string) {
	w.visit(use{kind: useEscape, instr: instr, why: why})
}

// value visits the uses of a channel value.
func (w *walker) value(v ssa.Value) {
	if w.seen[v] {
		return
	}
	w.seen[v] = true
	if _, ok := v.Type().Underlying().(*types.Pointer); ok {
		w.cell(v)
		return
	}
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		if r.Parent() != w.fn {
			continue // a free variable's referrers are in its own function
		}
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Send:
			if r.Chan == v && r.X != v {
				w.visit(use{kind: useSend, instr: r})
			} else {
				w.escape(r, "sent on a channel")
			}
		case *ssa.UnOp:
			if r.Op == token.ARROW {
				w.visit(use{kind: useRecv, instr: r})
			} else {
				w.escape(r, "operated on")
			}
		case *ssa.Select:
			n := 0
			for i, st := range r.States {
				if st.Chan == v {
					n++
					if st.Send == v {
						w.escape(r, "sent on a channel")
						continue
					}
					if st.Dir == types.SendOnly {
						k := useSendSelect
						if len(r.States) == 1 && r.Blocking {
							k = useSend
						}
						w.visit(use{kind: k, instr: r, state: i})
					} else {
						w.visit(use{kind: useRecvSelect, instr: r, state: i})
					}
				} else if st.Send == v {
					w.escape(r, "sent on a channel")
				}
			}
			if n > 1 {
				w.escape(r, "in two cases of one select")
			}
		case *ssa.ChangeType:
			w.value(r)
		case *ssa.BinOp:
			// ch == nil, ch != other: no effect on the channel
		case *ssa.Store:
			if r.Val == v {
				if alloc, ok := r.Addr.(*ssa.Alloc); ok && w.onlyStores(alloc, v) && w.fresh(alloc, r) {
					w.value(alloc)
				} else {
					w.escape(r, "stored")
				}
			}
		case *ssa.Return:
			for i, res := range r.Results {
				if res == v {
					w.visit(use{kind: useReturn, instr: r, arg: i})
				}
			}
		case ssa.CallInstruction:
			w.call(r, v)
		default:
			w.escape(r, "stored or converted")
		}
	}
}

// onlyStores reports whether every store to alloc stores v (or values
// already known to be the channel).
func (w *walker) onlyStores(alloc *ssa.Alloc, v ssa.Value) bool {
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc && st.Val != v && !w.seen[st.Val] {
			return false
		}
	}
	return true
}

// cell visits the uses of a pointer to a variable that holds the channel
// (an Alloc of a captured variable, or a closure's free variable).
func (w *walker) cell(p ssa.Value) {
	refs := p.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		if r.Parent() != w.fn {
			continue
		}
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != p {
				w.escape(r, "its variable's address is stored")
			} else if !w.seen[r.Val] {
				w.escape(r, "its variable is assigned another value")
			}
		case *ssa.UnOp:
			if r.Op == token.MUL {
				w.value(r)
			} else {
				w.escape(r, "operated on")
			}
		case *ssa.MakeClosure:
			for i, b := range r.Bindings {
				if b == p {
					w.closure(r, i)
				}
			}
		default:
			w.escape(r, "its variable's address is taken")
		}
	}
}

// call visits a call, go or defer instruction that has the channel v as an
// argument.
func (w *walker) call(site ssa.CallInstruction, v ssa.Value) {
	c := site.Common()
	if c.Value == v {
		w.escape(site, "called") // impossible for a channel; be safe
		return
	}
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close":
			w.visit(use{kind: useClose, instr: site})
		case "len", "cap":
		default:
			w.escape(site, "passed to "+b.Name())
		}
		return
	}
	if c.IsInvoke() {
		w.escape(site, "passed to an interface method")
		return
	}
	g := c.StaticCallee()
	for i, a := range c.Args {
		if a == v {
			w.visit(use{kind: useCall, instr: site, site: site, arg: i, g: g})
		}
	}
}

// closure visits a closure that captures the channel's variable as its
// binding i, with how the closure runs: started by go, called, deferred,
// handed to a function that runs it in a goroutine; anything else is an
// escape (the closure runs who knows where).
func (w *walker) closure(mc *ssa.MakeClosure, i int) {
	g, _ := mc.Fn.(*ssa.Function)
	refs := mc.Referrers()
	if g == nil || refs == nil {
		w.escape(mc, "captured")
		return
	}
	n := 0
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); ok {
			continue
		}
		n++
		if ret, ok := r.(*ssa.Return); ok { // returned: whoever calls the function runs it
			for j, res := range ret.Results {
				if res == mc {
					w.visit(use{kind: useClosure, instr: mc, arg: i, g: g, ret: j + 1})
				}
			}
			continue
		}
		site, ok := r.(ssa.CallInstruction)
		if !ok {
			w.visit(use{kind: useClosure, instr: mc, arg: i, g: g})
			continue
		}
		if site.Common().Value == mc {
			w.visit(use{kind: useClosure, instr: mc, site: site, arg: i, g: g})
			continue
		}
		if starter(site.Common()) {
			w.visit(use{kind: useClosure, instr: mc, site: site, arg: i, g: g})
			continue
		}
		w.visit(use{kind: useClosure, instr: mc, arg: i, g: g}) // passed to code we cannot see
	}
	if n == 0 {
		return // built and never run
	}
}

// starter reports whether a call runs its function argument in a new
// goroutine: (*errgroup.Group).Go and TryGo, (*sync.WaitGroup).Go.
func starter(c *ssa.CallCommon) bool {
	fn := c.StaticCallee()
	if fn == nil || len(c.Args) != 2 {
		return false
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	switch obj.FullName() {
	case "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo", "(*sync.WaitGroup).Go":
		return true
	}
	return false
}

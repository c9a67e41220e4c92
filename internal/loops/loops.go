// Package loops answers "which loops does this instruction run in, and what
// drives each of them?" on the SSA control-flow graph of one function.
//
// A loop is a natural loop (a header that dominates the source of a back
// edge). What drives it is read from its instructions: a loop is *counted*
// when its header tests an induction variable (for i := 0; i < n; i++, a
// range over a slice, an array, a string or an integer) or iterates a map;
// otherwise it is *open*, and an open loop that takes items from an
// unbounded source (a channel receive whose value is used, a read, an
// accept, a scan) runs once per item. An instruction runs *per item* of a
// source when the source dominates it within the same iteration: the case
// of a select that received the value, the code after the read.
package loops

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/ssaform"
)

// Loop is a natural loop of a function.
type Loop struct {
	Header  *ssa.BasicBlock
	Blocks  map[*ssa.BasicBlock]bool // the header and the body
	Counted bool                     // driven by an induction variable or a map iteration
	// Collection is set on a counted loop over the elements of a
	// collection (a slice, an array, a map, a string), not over integers.
	Collection bool
	Parent     *Loop     // the innermost loop that contains this one, or nil
	Sources    []*Source // the item sources of one iteration (not of nested loops)
}

// Kind says what a source delivers.
type Kind int

const (
	Item Kind = iota // a value of an unbounded stream: a message, a connection, a frame
	Tick             // a tick of a timer or ticker (a time.Time)
)

// Source is an instruction that takes one item per iteration.
type Source struct {
	Kind  Kind
	Instr ssa.Instruction // the receive, select or call
	Entry *ssa.BasicBlock // the first block that runs only when the item was taken
	Chan  ssa.Value       // the channel received from, or nil for a read
	Call  *ssa.CallCommon // the read call, or nil for a receive
	// Within is set (to a position in the loop's body) on a counted loop
	// over a collection that a caller takes as a source (strict mode).
	Within token.Pos
}

// Forest holds the loops of one function.
type Forest struct {
	Fn    *ssa.Function
	Loops []*Loop // outer loops before the loops they contain
	inner map[*ssa.BasicBlock]*Loop
}

// Config says how to recognise sources.
type Config struct {
	// Read reports whether a call takes one item of a stream (a read, an
	// accept); nil: no call does.
	Read func(*ssa.CallCommon) bool
	// Named reports whether the receive at pos assigns its value to a named
	// variable (case v := <-ch:). Such a receive takes an item even when
	// the value is not used afterwards; nil: only used values count.
	Named func(pos token.Pos) bool
}

// Of computes the loops of fn.
func Of(fn *ssa.Function, cfg Config) *Forest {
	f := &Forest{Fn: fn, inner: make(map[*ssa.BasicBlock]*Loop)}
	if len(fn.Blocks) == 0 {
		return f
	}
	byHeader := make(map[*ssa.BasicBlock]*Loop)
	for _, b := range fn.Blocks {
		for _, h := range b.Succs {
			if !h.Dominates(b) {
				continue
			}
			l := byHeader[h]
			if l == nil {
				l = &Loop{Header: h, Blocks: map[*ssa.BasicBlock]bool{h: true}}
				byHeader[h] = l
				f.Loops = append(f.Loops, l)
			}
			// The body: every block that reaches the back edge's source
			// without passing through the header.
			stack := []*ssa.BasicBlock{b}
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if l.Blocks[x] {
					continue
				}
				l.Blocks[x] = true
				stack = append(stack, x.Preds...)
			}
		}
	}
	// Outer loops first: a loop contains another when it contains its header.
	slices.SortStableFunc(f.Loops, func(a, b *Loop) int { return len(b.Blocks) - len(a.Blocks) })
	for i, l := range f.Loops {
		for j := i - 1; j >= 0; j-- {
			if f.Loops[j].Blocks[l.Header] {
				l.Parent = f.Loops[j]
				break
			}
		}
	}
	for _, l := range f.Loops { // outer first, so inner loops overwrite
		for b := range l.Blocks {
			f.inner[b] = l
		}
	}
	for _, l := range f.Loops {
		l.Counted, l.Collection = counted(l)
		f.sources(l, cfg)
	}
	return f
}

// Innermost returns the innermost loop that contains b, or nil.
func (f *Forest) Innermost(b *ssa.BasicBlock) *Loop { return f.inner[b] }

// Contains reports whether l contains b.
func (l *Loop) Contains(b *ssa.BasicBlock) bool { return l.Blocks[b] }

// PerItem returns the source of the innermost open loop around instr whose
// item is taken before instr in the same iteration (the source dominates
// it), looking outwards through the loops that contain instr, or nil. The
// loop is returned too.
func (f *Forest) PerItem(instr ssa.Instruction) (*Loop, *Source) {
	b := instr.Block()
	for l := f.inner[b]; l != nil; l = l.Parent {
		if l.Counted {
			continue // its size is the caller's; an enclosing open loop may still drive it
		}
		for _, s := range l.Sources {
			if s.Entry == b && s.Instr.Block() == b && !before(s.Instr, instr) {
				continue // in the same block, the source must come first
			}
			if s.Entry.Dominates(b) {
				return l, s
			}
		}
		// Several cases of a select that each take an item, joining before
		// instr (case m = <-mem: case buf = <-backend: ... }; go f(m)):
		// every path of the iteration to instr takes one.
		if s := l.coveredByItems(b); s != nil {
			return l, s
		}
	}
	return nil, nil
}

// coveredByItems returns the first item source of l when every path from
// l's header to b passes through the entry of one of l's item sources, and
// b is not itself such an entry.
func (l *Loop) coveredByItems(b *ssa.BasicBlock) *Source {
	entries := make(map[*ssa.BasicBlock]bool)
	var first *Source
	for _, s := range l.Sources {
		if s.Kind != Item || s.Entry == s.Instr.Block() {
			continue // only select cases: a receive or read in a block is judged by dominance
		}
		entries[s.Entry] = true
		if first == nil {
			first = s
		}
	}
	if len(entries) < 2 || entries[b] {
		return nil
	}
	seen := map[*ssa.BasicBlock]bool{l.Header: true}
	stack := []*ssa.BasicBlock{l.Header}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			return nil // reached without taking an item
		}
		for _, n := range x.Succs {
			if !seen[n] && !entries[n] && l.Blocks[n] && n != l.Header {
				seen[n] = true
				stack = append(stack, n)
			}
		}
	}
	return first
}

// before reports whether a comes before b in their (common) block.
func before(a, b ssa.Instruction) bool {
	for _, i := range a.Block().Instrs {
		if i == a {
			return true
		}
		if i == b {
			return false
		}
	}
	return false
}

// ReachesHeader reports whether control can go from b back to l's header
// (to a next iteration) without leaving the function: a spawn that cannot
// runs at most once per execution of the loop.
func (l *Loop) ReachesHeader(b *ssa.BasicBlock) bool {
	seen := make(map[*ssa.BasicBlock]bool)
	stack := []*ssa.BasicBlock{b}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, s := range x.Succs {
			if s == l.Header {
				return true
			}
			if !seen[s] && l.Blocks[s] {
				seen[s] = true
				stack = append(stack, s)
			}
		}
	}
	return false
}

// counted reports whether l's header decides on an induction variable (a
// phi of the header advanced by a constant on the back edge) or iterates
// a map or a string (ssa.Next), and whether what it counts is the elements
// of a collection (the bound is a len, or it iterates).
func counted(l *Loop) (counted, collection bool) {
	for _, instr := range l.Header.Instrs {
		if _, ok := instr.(*ssa.Next); ok {
			return true, true
		}
	}
	if c, coll := countedAt(l.Header, l); c {
		return c, coll
	}
	// A range over an integer (for range n, for i := range n) is built
	// rotated: the header is the body, and the test of the induction
	// variable ends the latch that jumps back to it.
	for _, pred := range l.Header.Preds {
		if l.Blocks[pred] && len(pred.Succs) == 2 && (!l.Blocks[pred.Succs[0]] || !l.Blocks[pred.Succs[1]]) {
			if c, coll := countedAt(pred, l); c {
				return c, coll
			}
		}
	}
	return false, false
}

// countedAt reports whether block b of l ends with a test of l's
// induction variable (i < n, i+1 < len(xs)), and whether the bound is a
// length.
func countedAt(b *ssa.BasicBlock, l *Loop) (counted, collection bool) {
	if len(b.Instrs) == 0 {
		return false, false
	}
	last, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false, false
	}
	cmp, ok := last.Cond.(*ssa.BinOp)
	if !ok {
		return false, false
	}
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
	default:
		return false, false
	}
	if induction(cmp.X, l) {
		return true, isLen(cmp.Y)
	}
	if induction(cmp.Y, l) {
		return true, isLen(cmp.X)
	}
	return false, false
}

// isLen reports whether v is len(x) of a slice, an array, a map or a string.
func isLen(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return false
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len"
}

// induction reports whether v is a phi of l's header that the loop advances
// by a constant (i++, i += 2, i--), or that phi advanced (the header of a
// range over a slice tests i+1 < len).
func induction(v ssa.Value, l *Loop) bool {
	if op, ok := v.(*ssa.BinOp); ok && (op.Op == token.ADD || op.Op == token.SUB) {
		if _, ok := op.Y.(*ssa.Const); ok {
			v = op.X
		}
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || phi.Block() != l.Header {
		return false
	}
	for i, e := range phi.Edges {
		if !l.Blocks[l.Header.Preds[i]] {
			continue // the entry edge
		}
		op, ok := e.(*ssa.BinOp)
		if !ok || (op.Op != token.ADD && op.Op != token.SUB) {
			return false
		}
		if op.X != phi && op.Y != phi {
			return false
		}
		if _, ok := op.Y.(*ssa.Const); !ok {
			if _, ok := op.X.(*ssa.Const); !ok {
				return false
			}
		}
	}
	return true
}

// sources finds the item and tick sources of l's own blocks (those not in a
// nested loop).
func (f *Forest) sources(l *Loop, cfg Config) {
	named := func(pos token.Pos) bool { return cfg.Named != nil && cfg.Named(pos) }
	for _, b := range f.Fn.Blocks { // in block order, for determinism
		if f.inner[b] != l {
			continue
		}
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.UnOp:
				if instr.Op != token.ARROW {
					continue
				}
				if closedBefore(l, instr.X) {
					continue // a drain of what a closed channel holds: at most its capacity
				}
				if k, ok := receiveKind(instr.X, received(instr, instr.CommaOk) || named(instr.Pos())); ok {
					if k == Tick && oneShotTimer(l, instr.X) {
						continue
					}
					l.Sources = append(l.Sources, &Source{Kind: k, Instr: instr, Entry: entryAfter(instr), Chan: instr.X})
				}
			case *ssa.Select:
				if !instr.Blocking {
					continue // a poll: the loop does not wait for items
				}
				recv := 0
				for i, st := range instr.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					idx := 2 + recv
					recv++
					used := extractUsed(instr, idx) || named(st.Pos)
					k, ok := receiveKind(st.Chan, used)
					if !ok || k == Tick && oneShotTimer(l, st.Chan) {
						continue
					}
					// A case with no statements of its own has no block of
					// its own: the SSA builder threads its jump to the
					// select's join, or on to the loop's header, which
					// every path of the iteration passes. What follows it
					// is not taken per item of that case (a spawn in
					// another case of the loop is not per tick of an empty
					// `case <-time.After(d):`).
					if entry := CaseEntry(instr, i); entry != nil && len(entry.Preds) == 1 {
						l.Sources = append(l.Sources, &Source{Kind: k, Instr: instr, Entry: entry, Chan: st.Chan})
					}
				}
			case *ssa.Call:
				if cfg.Read != nil && cfg.Read(instr.Common()) {
					l.Sources = append(l.Sources, &Source{Kind: Item, Instr: instr, Entry: entryAfter(instr), Call: instr.Common()})
				}
			}
		}
	}
}

// oneShotTimer reports whether ch is the channel C of a *time.Timer made
// before loop l that nothing can re-arm while the loop runs: its only uses
// are reads of C, calls of Stop, and calls of Reset on the branch where a
// Stop of it returned true (the pending fire was cancelled, and Reset
// replaces it). It is not passed anywhere nor captured.
//
// Property: a time.Timer delivers one value per arming (NewTimer, Reset),
// so a timer armed once before the loop, and re-armed only in place of a
// fire that Stop cancelled, fires at most once while the loop runs: a
// spawn in its case runs at most once per run of the loop, not per tick
// (the fallback timer of a dialer racing two connections). A timer reset
// anywhere else, a ticker, and time.After in the loop stay tick sources.
func oneShotTimer(l *Loop, ch ssa.Value) bool {
	load, ok := ch.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || !isTimerPtr(fa.X.Type()) {
		return false
	}
	timer := fa.X
	if instr, ok := timer.(ssa.Instruction); ok && l.Blocks[instr.Block()] {
		return false // made (or loaded) in the loop: a new timer each iteration
	}
	if made, ok := timer.(*ssa.Call); !ok || !isNewTimer(made.Common()) {
		return false // a parameter, a field, a captured variable, a helper's timer: armed elsewhere too
	}
	for _, r := range *timer.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			continue // t.C
		case *ssa.DebugRef:
			continue
		case ssa.CallInstruction:
			if isTimerCall(r.Common(), timer, "Stop") {
				continue
			}
			if call, ok := r.(*ssa.Call); ok && isTimerCall(r.Common(), timer, "Reset") && afterStopped(call, timer) {
				continue
			}
		}
		return false
	}
	return true
}

func isNewTimer(cc *ssa.CallCommon) bool {
	fn := cc.StaticCallee()
	return fn != nil && ssaform.IsFunc(fn, "time.NewTimer")
}

func isTimerPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && isNamed(p.Elem(), "time", "Timer")
}

// isTimerCall reports whether cc calls method (Stop, Reset) of timer.
func isTimerCall(cc *ssa.CallCommon, timer ssa.Value, method string) bool {
	fn := cc.StaticCallee()
	return fn != nil && len(cc.Args) > 0 && cc.Args[0] == timer && ssaform.IsFunc(fn, "(*time.Timer)."+method)
}

// afterStopped reports whether call is dominated by the true branch of an
// if on the result of a Stop of timer: if t.Stop() { t.Reset(d) }.
func afterStopped(call *ssa.Call, timer ssa.Value) bool {
	for _, b := range call.Parent().Blocks {
		ifi, ok := terminator(b).(*ssa.If)
		if !ok {
			continue
		}
		stop, ok := ifi.Cond.(*ssa.Call)
		if !ok || !isTimerCall(stop.Common(), timer, "Stop") {
			continue
		}
		then := b.Succs[0]
		if len(then.Preds) == 1 && then.Dominates(call.Block()) {
			return true
		}
	}
	return false
}

func terminator(b *ssa.BasicBlock) ssa.Instruction {
	if len(b.Instrs) == 0 {
		return nil
	}
	return b.Instrs[len(b.Instrs)-1]
}

// entryAfter returns the block from which what follows instr runs: its own
// block (the source comes first in it, checked by PerItem).
func entryAfter(instr ssa.Instruction) *ssa.BasicBlock { return instr.Block() }

// received reports whether the value of a receive is used: v := <-ch or a
// range over the channel (comma-ok), not a bare <-done.
func received(recv *ssa.UnOp, commaOk bool) bool {
	if commaOk {
		return true // v, ok := <-ch, and every range over a channel
	}
	return used(recv)
}

func used(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// extractUsed reports whether the select's result at tuple index idx (a
// received value) is used.
func extractUsed(sel *ssa.Select, idx int) bool {
	for _, r := range *sel.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == idx && used(e) {
			return true
		}
	}
	return false
}

// receiveKind classifies a receive from ch: an item when its value is used
// and its element is data, a tick when the element is a time.Time. A
// receive of struct{} (a wake-up), of a bool (a state: leader or not, up or
// down; two values cannot name distinct items of work), of an error (a
// failure to react to, not an item of work) or of an os.Signal (delivered
// by the runtime, which drops signals when the channel is full: no producer
// to outrun) is neither.
func receiveKind(ch ssa.Value, valueUsed bool) (Kind, bool) {
	t, ok := ch.Type().Underlying().(*types.Chan)
	if !ok {
		return 0, false
	}
	elem := t.Elem()
	if isNamed(elem, "time", "Time") {
		return Tick, true
	}
	if !valueUsed {
		return 0, false
	}
	if s, ok := elem.Underlying().(*types.Struct); ok && s.NumFields() == 0 {
		return 0, false
	}
	if types.Identical(elem, types.Universe.Lookup("error").Type()) || isNamed(elem, "os", "Signal") {
		return 0, false
	}
	if b, ok := elem.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return 0, false
	}
	return Item, true
}

func isNamed(t types.Type, pkg, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// CaseEntry returns the first block of the body of case i of a select (the
// block entered when the select chose it), or nil. The SSA builder tests
// the chosen index (extract #0) against each case's index in turn.
func CaseEntry(sel *ssa.Select, i int) *ssa.BasicBlock {
	var index ssa.Value
	for _, r := range *sel.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			index = e
		}
	}
	if index == nil {
		if len(sel.States) == 1 && !sel.Blocking {
			return nil
		}
		if len(sel.States) == 1 {
			return sel.Block() // one case, no default: it is always chosen
		}
		return nil
	}
	for _, r := range *index.Referrers() {
		cmp, ok := r.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			continue
		}
		c, ok := cmp.Y.(*ssa.Const)
		if !ok || c.Int64() != int64(i) {
			continue
		}
		for _, cr := range *cmp.Referrers() {
			if ifi, ok := cr.(*ssa.If); ok && ifi.Cond == cmp {
				return ifi.Block().Succs[0]
			}
		}
	}
	return nil
}

// closedBefore reports whether the function closes ch before loop l, in a
// block outside l that dominates its header: close(v.c); for x := range
// v.c { ... }.
//
// Property: no value can be sent on a closed channel (the send panics), so
// a loop receiving from a channel its function has already closed takes
// only what the buffer held, at most its capacity: a finite drain, not an
// unbounded source (a connection pool closing a stale key's bucket and
// closing each connection left in it).
func closedBefore(l *Loop, ch ssa.Value) bool {
	fn := l.Header.Parent()
	for _, b := range fn.Blocks {
		if l.Blocks[b] || !b.Dominates(l.Header) {
			continue
		}
		for _, instr := range b.Instrs {
			c, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(c.Call.Args) == 1 && sameChan(c.Call.Args[0], ch) {
				return ch == c.Call.Args[0] || !storedIn(fn, ch)
			}
		}
	}
	return false
}

// sameChan reports whether a and b denote the same channel: the same
// value, or loads of the same field of the same value (v.c twice).
func sameChan(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok1 || !ok2 || la.Op != token.MUL || lb.Op != token.MUL {
		return false
	}
	fa, ok1 := la.X.(*ssa.FieldAddr)
	fb, ok2 := lb.X.(*ssa.FieldAddr)
	return ok1 && ok2 && fa.X == fb.X && fa.Field == fb.Field
}

// storedIn reports whether fn stores into the field that the load ch reads
// (v.c = make(chan T) between the close and the loop would be a new,
// open channel).
func storedIn(fn *ssa.Function, ch ssa.Value) bool {
	fa := ch.(*ssa.UnOp).X.(*ssa.FieldAddr)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if a, ok := st.Addr.(*ssa.FieldAddr); ok && a.X == fa.X && a.Field == fa.Field {
					return true
				}
			}
		}
	}
	return false
}

package blocked

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/bplint/bplint/internal/loops"
	"github.com/bplint/bplint/internal/ssaform"
)

// maxStates bounds the distinct counts kept per block. Past it the channel
// is given up (silent), which keeps the cost linear in the function size.
const maxStates = 32

// flow holds what one channel does on one function's control-flow graph:
// the count each instruction adds (a goroutine started: +its sends; a
// receive: -1), what taking an edge does (a select case that receives:
// -1; the "closed" branch of a receive: every sender was heard; a case on
// another channel: a way out), and how each loop is summarized.
//
// A state is the count D = sends started - receives done along one path.
// Loops are summarized once (from their header, D = 0) and applied to
// every state that enters them: an iteration that starts goroutines is
// multiplied by the trip count (n, len(xs), or an unknown many); an
// iteration that receives counts for its trip count only when the loop
// runs to its counted end, and for nothing when it is left early (by
// another select case, or on a received value), so "a receive loop that
// runs once per sender" balances its senders and "a receive loop that can
// leave early" does not.
type flow struct {
	fn     *ssa.Function
	st     *symtab
	forest *loops.Forest
	instr  map[ssa.Instruction]form
	edges  map[edge]edgeEffect
	data   map[ssa.Value]bool        // values received from the channel
	marks  map[*ssa.BasicBlock]bool  // first blocks of cases that take another way out
	cases  map[*ssa.BasicBlock]bool  // blocks whose If tests a select's chosen case
	sums   map[*loops.Loop]*loopSum  //
	trip   map[*loops.Loop]*tripInfo //
	stuck  []state                   // states of paths that loop forever
	dead   map[*ssa.BasicBlock]bool  // headers of the loops around a channel made per iteration: its next iteration makes another
	ends   map[ssa.Instruction]bool  // calls that may end the goroutine (a helper that can call t.Fatal)
	most   bool                      // count an iteration by its path that sends most (a sender's possible sends)
	corr   map[*ssa.If]cond          // tests of conditions tested more than once, or of a value a phi chose
	phis   map[*ssa.BasicBlock][]phiCond
	failed bool
}

type edge struct {
	b *ssa.BasicBlock
	i int // successor index
}

func (e edge) to() *ssa.BasicBlock { return e.b.Succs[e.i] }

type edgeEffect struct {
	d       form
	drained bool
	why     *event
}

// An event explains a path: the select case it took, the loop it left.
type event struct {
	kind  eventKind
	pos   token.Pos
	sel   *ssa.Select
	state int // the select's case, -1 for default
}

type eventKind uint8

const (
	evCase eventKind = iota + 1 // a select case on another channel (or default) was taken
	evLoopExit
)

type state struct {
	d   form
	why *event
	// known, val: the branches this path took on conditions that the
	// function tests more than once (bit i: condition i), so that a later
	// test of the same condition goes the same way.
	known, val uint32
}

// An exit is where a path leaves the region: a return or panic (instr),
// or an edge out of the region (latch: back to its header).
type exit struct {
	instr  ssa.Instruction
	e      edge
	latch  bool
	states []state
}

func newFlow(fn *ssa.Function, st *symtab, forest *loops.Forest) *flow {
	return &flow{
		fn:     fn,
		st:     st,
		forest: forest,
		instr:  make(map[ssa.Instruction]form),
		edges:  make(map[edge]edgeEffect),
		data:   make(map[ssa.Value]bool),
		marks:  make(map[*ssa.BasicBlock]bool),
		cases:  make(map[*ssa.BasicBlock]bool),
		sums:   make(map[*loops.Loop]*loopSum),
		trip:   make(map[*loops.Loop]*tripInfo),
	}
}

// node is a block of a region, or a loop nested in it (collapsed).
type node struct {
	b *ssa.BasicBlock
	l *loops.Loop
}

// nodeOf returns the node of region r that holds b.
func (f *flow) nodeOf(r *loops.Loop, b *ssa.BasicBlock) node {
	l := f.forest.Innermost(b)
	if l == r {
		return node{b: b}
	}
	for l != nil && l.Parent != r {
		l = l.Parent
	}
	if l == nil { // b is not in r: loops that do not nest (irreducible flow)
		f.failed = true
		return node{b: b}
	}
	return node{l: l}
}

// run evaluates the paths of region r (a loop, or nil for the whole
// function) from instruction start of block entry, with the given states.
func (f *flow) run(r *loops.Loop, entry *ssa.BasicBlock, start int, init []state) []exit {
	order := f.topo(r, entry)
	if f.failed {
		return nil
	}
	in := make(map[node][]state)
	first := f.nodeOf(r, entry)
	if first.l != nil && first.l.Header != entry {
		f.failed = true
		return nil
	}
	in[first] = init
	var exits []exit
	out := func(e edge, ss []state) {
		if len(ss) == 0 {
			return
		}
		ss = f.enter(e, ss)
		t := e.to()
		switch {
		case r != nil && t == r.Header, f.dead[t]:
			exits = append(exits, exit{e: e, latch: true, states: ss})
		case r != nil && !r.Blocks[t]:
			exits = append(exits, exit{e: e, states: ss})
		default:
			n := f.nodeOf(r, t)
			in[n] = f.merge(in[n], ss)
		}
	}
	for _, n := range order {
		ss := in[n]
		if len(ss) == 0 || f.failed {
			continue
		}
		if n.l != nil {
			sum := f.summary(n.l)
			if f.failed {
				return nil
			}
			for _, x := range sum.exits {
				if x.instr != nil { // a call inside the loop that may end the goroutine
					exits = append(exits, exit{instr: x.instr, states: f.through(n.l, sum, ss, x)})
					continue
				}
				out(x.e, f.through(n.l, sum, ss, x))
			}
			if len(sum.exits) == 0 { // it never ends: as many iterations as you like
				per, ok := f.iteration(sum)
				for _, s := range ss {
					d := s.d
					switch {
					case ok && per.isZero():
					case ok && per.nonPos():
						d = form{drained: true} // it receives for ever
					default:
						d = add(d, f.st.times(symForm(f.st.fresh()), per))
					}
					f.stuck = append(f.stuck, state{d: d, why: s.why})
				}
			}
			continue
		}
		b := n.b
		from := 0
		if n == first && n.l == nil {
			from = start
		}
		for _, instr := range b.Instrs[from:] {
			d, ok := f.instr[instr]
			if f.ends[instr] {
				// The call may end the goroutine before or after what it does
				// with the channel: the lesser count is the one shown.
				end := ss
				if ok && !d.nonNeg() {
					end = shift(ss, d, nil)
				}
				exits = append(exits, exit{instr: instr, states: end})
			}
			if ok {
				ss = shift(ss, d, nil)
			}
		}
		switch term := b.Instrs[len(b.Instrs)-1].(type) {
		case *ssa.Return, *ssa.Panic:
			exits = append(exits, exit{instr: term, states: ss})
		default:
			for i := range b.Succs {
				e := edge{b, i}
				ss := f.decide(term, i, ss)
				if z, ok := f.bypassed(e); ok {
					ss = zeroed(ss, z)
				}
				if eff, ok := f.edges[e]; ok {
					if eff.drained {
						out(e, []state{{d: form{drained: true}, why: eff.why}})
						continue
					}
					out(e, shift(ss, eff.d, eff.why))
					continue
				}
				out(e, ss)
			}
		}
	}
	return exits
}

// bypassed returns, for the edge by which the guard of a rotated counted
// loop skips it (the `0 < n` the SSA builder puts before the body of `for
// range n`, `for range len(xs)`), the symbol of its trip count, when the
// count is that one symbol.
//
// Property: the guard skips the loop exactly when the trip count is zero,
// and counts are never negative, so on that edge the symbol is zero in
// every count of the path: the senders started once per element of the
// same collection (for _, c := range closes { go ... }; for range
// len(closes) { <-errc }) are none there, as the receives are (test
// package fanin_range_constant, symbolic.go). A loop of another count (for
// range n against len(xs) senders, n receives against two senders) keeps
// its senders on that edge.
func (f *flow) bypassed(e edge) (sym, bool) {
	ifi, ok := e.b.Instrs[len(e.b.Instrs)-1].(*ssa.If)
	if !ok || len(e.b.Succs) != 2 {
		return sym{}, false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok {
		return sym{}, false
	}
	if c, ok := stripConv(cmp.X).(*ssa.Const); !ok || c.Value == nil || c.Value.ExactString() != "0" {
		return sym{}, false // the guard of a range over an integer tests 0 < n
	}
	into := e.b.Succs[1-e.i]
	for range 4 { // through the jumps into the loop's first block
		if len(into.Instrs) == 1 && len(into.Succs) == 1 {
			if _, isJump := into.Instrs[0].(*ssa.Jump); isJump {
				into = into.Succs[0]
				continue
			}
		}
		break
	}
	l := f.forest.Innermost(into)
	if l == nil || l.Header != into || l.Blocks[e.b] || l.Blocks[e.to()] {
		return sym{}, false
	}
	ti := f.trips(l)
	if ti == nil || !ti.bottom || ti.n.c != 0 || len(ti.n.terms) != 1 || ti.n.terms[0].k != 1 || ti.n.drained {
		return sym{}, false
	}
	latch, ok := ti.exit.b.Instrs[len(ti.exit.b.Instrs)-1].(*ssa.If)
	if !ok {
		return sym{}, false
	}
	lcmp, ok := latch.Cond.(*ssa.BinOp)
	if !ok || lcmp.Op != cmp.Op || !sameBound(lcmp, cmp) {
		return sym{}, false
	}
	// The guard's skip is the branch the latch's exit takes.
	if (e.i == 0) != (ti.exit.i == 0) {
		return sym{}, false
	}
	return ti.n.terms[0].s, true
}

// zeroed sets the symbol z to zero in the counts of ss.
func zeroed(ss []state, z sym) []state {
	out := make([]state, len(ss))
	for i, s := range ss {
		out[i] = s
		if s.d.drained {
			continue
		}
		d := form{c: s.d.c}
		for _, t := range s.d.terms {
			if t.s != z {
				d.terms = append(d.terms, t)
			}
		}
		out[i].d = d
	}
	return out
}

// sameBound reports whether two comparisons test against the same bound:
// the same second operand (i+1 < n and 0 < n).
func sameBound(a, b *ssa.BinOp) bool {
	return stripConv(a.Y) == stripConv(b.Y)
}

// onlyCount runs the whole function and returns its count when every
// path that ends (or loops forever) has the same one.
func (f *flow) onlyCount() (form, bool) {
	var ends []form
	for _, x := range f.run(nil, f.fn.Blocks[0], 0, []state{{}}) {
		for _, st := range x.states {
			ends = append(ends, st.d)
		}
	}
	for _, st := range f.stuck {
		ends = append(ends, st.d)
	}
	if f.failed || len(ends) == 0 {
		return form{}, false
	}
	for _, e := range ends[1:] {
		if !e.equal(ends[0]) {
			return form{}, false
		}
	}
	return ends[0], true
}

// from evaluates the paths from instruction start of block b (the make of
// a channel) to the function's exits. Made in a loop, the channel lives
// for one iteration: a path back to the header of a loop around the make
// ends its story; a path that leaves the loop goes on in the code around.
func (f *flow) from(b *ssa.BasicBlock, start int, init []state) []exit {
	r := f.forest.Innermost(b)
	f.dead = make(map[*ssa.BasicBlock]bool)
	for l := r; l != nil; l = l.Parent {
		f.dead[l.Header] = true
	}
	return f.outward(r, f.run(r, b, start, init))
}

// outward continues the paths that leave loop r in the region around it.
func (f *flow) outward(r *loops.Loop, exits []exit) []exit {
	if r == nil || f.failed {
		return exits
	}
	var out []exit
	var targets []*ssa.BasicBlock
	at := make(map[*ssa.BasicBlock][]state)
	for _, x := range exits {
		if x.instr != nil || x.latch {
			out = append(out, x)
			continue
		}
		t := x.e.to()
		if _, ok := at[t]; !ok {
			targets = append(targets, t)
		}
		at[t] = f.merge(at[t], x.states)
	}
	for _, t := range targets {
		p := r.Parent // the innermost loop around r that t is in: an edge may leave several
		for p != nil && !p.Blocks[t] {
			p = p.Parent
		}
		out = append(out, f.outward(p, f.run(p, t, 0, at[t]))...)
	}
	return out
}

// A cond is a condition tested by more than one If: its number, and
// whether this If tests its negation.
type cond struct {
	id  int
	neg bool
}

// decide keeps the states that may take successor i of term, recording
// the branch when term tests a condition the function tests again: the
// two tests of 0 < n of two loops over range n go the same way.
func (f *flow) decide(term ssa.Instruction, i int, ss []state) []state {
	ifi, ok := term.(*ssa.If)
	if !ok {
		return ss
	}
	if v, ok := constCond(ifi.Cond); ok && v != (i == 0) {
		return nil // a branch a constant condition never takes
	}
	f.conds()
	c, ok := f.corr[ifi]
	if !ok {
		return ss
	}
	bit := uint32(1) << c.id
	holds := (i == 0) != c.neg // the condition's value on this branch
	var out []state
	for _, s := range ss {
		if s.known&bit != 0 {
			if (s.val&bit != 0) == holds {
				out = append(out, s)
			}
			continue
		}
		s.known |= bit
		if holds {
			s.val |= bit
		}
		out = append(out, s)
	}
	return out
}

// constCond returns the value of a condition made of constants: the
// guard `0 < n` that the SSA builder puts before the loop of `for range n`
// with a constant n (`for range 2` runs its body at least once), or a
// constant true or false.
func constCond(v ssa.Value) (value, ok bool) {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Bool {
			return constant.BoolVal(v.Value), true
		}
	case *ssa.BinOp:
		x, okx := v.X.(*ssa.Const)
		y, oky := v.Y.(*ssa.Const)
		if okx != oky {
			return boundCond(v)
		}
		if !okx || !oky || x.Value == nil || y.Value == nil {
			return false, false
		}
		switch v.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if x.Value.Kind() != y.Value.Kind() && !(isNumeric(x.Value) && isNumeric(y.Value)) {
				return false, false
			}
			return constant.Compare(x.Value, v.Op, y.Value), true
		}
	}
	return false, false
}

// boundCond decides a comparison of a constant with a value whose lower
// bound is known: `0 < max(n, 1)`, the guard of `for range max(n, 1)`, holds,
// as max is at least each of its arguments.
func boundCond(v *ssa.BinOp) (value, ok bool) {
	op, x, c := v.Op, v.X, v.Y
	if k, isConst := v.X.(*ssa.Const); isConst {
		x, c, op = v.Y, k, ssaform.Mirror(op) // c op x  is  x op' c
	}
	k := c.(*ssa.Const).Value
	lb, ok := lowerBound(x)
	if !ok || k == nil || k.Kind() != constant.Int {
		return false, false
	}
	// x ≥ lb: each comparison is decided only where the bound tells.
	above, atLeast := constant.Compare(lb, token.GTR, k), constant.Compare(lb, token.GEQ, k)
	switch {
	case op == token.GTR && above, op == token.GEQ && atLeast, op == token.NEQ && above:
		return true, true
	case op == token.LSS && atLeast, (op == token.LEQ || op == token.EQL) && above:
		return false, true
	}
	return false, false
}

// lowerBound returns a constant the integer v is never below: v itself if
// constant, the largest bound of the arguments of a call of the builtin max.
func lowerBound(v ssa.Value) (constant.Value, bool) {
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Int {
			return v.Value, true
		}
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "max" {
			var best constant.Value
			for _, a := range v.Call.Args {
				if lb, ok := lowerBound(a); ok && (best == nil || constant.Compare(lb, token.GTR, best)) {
					best = lb
				}
			}
			return best, best != nil
		}
	}
	return nil, false
}

func isNumeric(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int, constant.Float:
		return true
	}
	return false
}

// conds finds, once, the conditions whose value a path can carry from
// one place to another (correlated).
func (f *flow) conds() {
	if f.corr == nil {
		f.corr, f.phis = correlated(f.fn)
	}
}

// A phiCond is a condition on a phi's value (the phi itself, or the phi
// compared with a constant) that is known on some of the edges into the
// phi's block: where the edge brings a constant, or a value that is never
// nil compared with nil.
type phiCond struct {
	phi *ssa.Phi
	id  int
	at  []int8 // per edge into the block: 1 holds, 0 does not, -1 unknown
}

// enter records, on the states that take edge e, the conditions on phis
// of its target that the edge decides: after `err = fmt.Errorf(...)` in
// one case of a select and nothing in the other, a later `if err != nil`
// goes the way of the case that was taken.
func (f *flow) enter(e edge, ss []state) []state {
	f.conds()
	pcs := f.phis[e.to()]
	if len(pcs) == 0 {
		return ss
	}
	k := -1
	for i, p := range e.to().Preds {
		if p == e.b {
			if k >= 0 {
				return ss // both successors of e.b lead here: the edge is not told apart
			}
			k = i
		}
	}
	if k < 0 {
		return ss
	}
	var out []state
	for _, s := range ss {
		for _, pc := range pcs {
			bit := uint32(1) << pc.id
			s.known &^= bit
			s.val &^= bit
			switch pc.at[k] {
			case 1:
				s.known |= bit
				s.val |= bit
			case 0:
				s.known |= bit
			}
		}
		out = append(out, s)
	}
	return out
}

// correlated finds the Ifs of fn that test the same condition as another
// If (the same value, or a comparison of the same operands, constants by
// value) or a condition on a phi that some edges into its block decide,
// up to 32 conditions.
func correlated(fn *ssa.Function) (map[*ssa.If]cond, map[*ssa.BasicBlock][]phiCond) {
	type test struct {
		ifi *ssa.If
		key string
		neg bool
		phi *phiCond
	}
	var tests []test
	count := make(map[string]int)
	for _, b := range fn.Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		key, neg := condKey(ifi.Cond)
		if key == "" {
			continue
		}
		t := test{ifi: ifi, key: key, neg: neg}
		if pc := phiDecided(ifi.Cond); pc != nil {
			t.phi = pc
			count[key]++ // a phi's condition counts on its own
		}
		tests = append(tests, t)
		count[key]++
	}
	ids := make(map[string]int)
	out := make(map[*ssa.If]cond)
	phis := make(map[*ssa.BasicBlock][]phiCond)
	for _, t := range tests {
		if count[t.key] < 2 {
			continue
		}
		id, ok := ids[t.key]
		if !ok {
			if len(ids) == 32 {
				continue
			}
			id = len(ids)
			ids[t.key] = id
			if t.phi != nil {
				pc := *t.phi
				pc.id = id
				phis[pc.phi.Block()] = append(phis[pc.phi.Block()], pc)
			}
		}
		out[t.ifi] = cond{id: id, neg: t.neg}
	}
	return out, phis
}

// phiDecided returns the condition v (without its negations) as a phiCond
// when it is a phi or a phi compared with a constant and at least one edge
// into the phi's block decides it.
func phiDecided(v ssa.Value) *phiCond {
	for {
		not, ok := v.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			break
		}
		v = not.X
	}
	var phi *ssa.Phi
	var eval func(x ssa.Value) int8
	switch v := v.(type) {
	case *ssa.Phi:
		phi = v
		eval = func(x ssa.Value) int8 {
			if b, ok := constCond(x); ok {
				return boolInt(b)
			}
			return -1
		}
	case *ssa.BinOp:
		if v.Op != token.EQL && v.Op != token.NEQ {
			return nil
		}
		p, k, ok := ssaform.ConstOperand(v)
		if !ok {
			return nil
		}
		if phi, ok = p.(*ssa.Phi); !ok {
			return nil
		}
		eval = func(x ssa.Value) int8 {
			eq := int8(-1)
			if xc, ok := x.(*ssa.Const); ok {
				switch {
				case xc.Value == nil && k.Value == nil:
					eq = 1
				case xc.Value == nil || k.Value == nil:
					if xc.IsNil() != k.IsNil() {
						eq = 0
					}
				case xc.Value.Kind() == k.Value.Kind() || isNumeric(xc.Value) && isNumeric(k.Value):
					eq = boolInt(constant.Compare(xc.Value, token.EQL, k.Value))
				}
			} else if k.IsNil() && neverNil(x, 0) {
				eq = 0
			}
			if eq >= 0 && v.Op == token.NEQ {
				eq = 1 - eq
			}
			return eq
		}
	default:
		return nil
	}
	pc := &phiCond{phi: phi, at: make([]int8, len(phi.Edges))}
	decided := false
	for i, x := range phi.Edges {
		pc.at[i] = eval(x)
		decided = decided || pc.at[i] >= 0
	}
	if !decided {
		return nil
	}
	return pc
}

func boolInt(b bool) int8 {
	if b {
		return 1
	}
	return 0
}

// neverNil reports whether v can never be nil: a value made here (an
// interface holding a concrete value, a new variable, a closure, a map,
// a channel, a function), or the error of errors.New or fmt.Errorf, whose
// contract is a non-nil error (or a phi of such values).
func neverNil(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.MakeInterface, *ssa.Alloc, *ssa.MakeClosure, *ssa.MakeMap, *ssa.MakeChan, *ssa.Function:
		return true
	case *ssa.Call:
		if fn := v.Call.StaticCallee(); fn != nil && ssaform.IsFunc(fn, "errors.New", "fmt.Errorf") {
			return true
		}
	case *ssa.Phi:
		if depth > 2 {
			return false
		}
		for _, x := range v.Edges {
			if !neverNil(x, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// condKey names a condition so that equal conditions have equal names:
// a value by identity, a comparison by its operator and operands (with
// the constant on the right, and the negation of !c).
func condKey(v ssa.Value) (string, bool) {
	neg := false
	for {
		not, ok := v.(*ssa.UnOp)
		if !ok || not.Op != token.NOT {
			break
		}
		v, neg = not.X, !neg
	}
	operand := func(x ssa.Value) string {
		if c, ok := x.(*ssa.Const); ok {
			if c.Value == nil {
				return "nil"
			}
			return "const " + c.Value.ExactString()
		}
		return fmt.Sprintf("%p", x)
	}
	bin, ok := v.(*ssa.BinOp)
	if !ok {
		return operand(v), neg
	}
	op, x, y := bin.Op, bin.X, bin.Y
	if _, ok := x.(*ssa.Const); ok {
		if _, ok := y.(*ssa.Const); !ok {
			x, y = y, x
			switch op {
			case token.LSS:
				op = token.GTR
			case token.GTR:
				op = token.LSS
			case token.LEQ:
				op = token.GEQ
			case token.GEQ:
				op = token.LEQ
			}
		}
	}
	switch op {
	case token.LSS, token.GTR, token.LEQ, token.GEQ, token.EQL, token.NEQ:
		return op.String() + " " + operand(x) + " " + operand(y), neg
	}
	return operand(v), neg
}

// shift adds d to every state (and records why, if given).
func shift(ss []state, d form, why *event) []state {
	out := make([]state, len(ss))
	for i, s := range ss {
		out[i] = state{d: add(s.d, d), why: s.why, known: s.known, val: s.val}
		if why != nil {
			out[i].why = why
		}
	}
	return out
}

func (f *flow) merge(a, b []state) []state {
	for _, s := range b {
		dup := false
		for _, t := range a {
			if t.d.equal(s.d) && t.known == s.known && t.val == s.val {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, s)
		}
	}
	if len(a) > maxStates {
		f.failed = true
	}
	return a
}

// topo returns the nodes of region r reachable from entry, each before
// its successors. A cycle that is not a natural loop (irreducible control
// flow, which goto can make) fails the analysis.
func (f *flow) topo(r *loops.Loop, entry *ssa.BasicBlock) []node {
	const (
		white = iota
		grey
		black
	)
	color := make(map[node]int)
	var post []node
	var succs func(n node) []*ssa.BasicBlock
	succs = func(n node) []*ssa.BasicBlock {
		if n.l == nil {
			return n.b.Succs
		}
		var out []*ssa.BasicBlock
		for _, b := range f.fn.Blocks {
			if !n.l.Blocks[b] {
				continue
			}
			for _, s := range b.Succs {
				if !n.l.Blocks[s] {
					out = append(out, s)
				}
			}
		}
		return out
	}
	var visit func(n node)
	visit = func(n node) {
		color[n] = grey
		for _, t := range succs(n) {
			if f.failed {
				return
			}
			if (r != nil && (t == r.Header || !r.Blocks[t])) || f.dead[t] {
				continue
			}
			m := f.nodeOf(r, t)
			if m.l != nil && t != m.l.Header {
				f.failed = true // entering a loop elsewhere than at its header
				return
			}
			switch color[m] {
			case grey:
				f.failed = true
				return
			case white:
				visit(m)
			}
		}
		color[n] = black
		post = append(post, n)
	}
	visit(f.nodeOf(r, entry))
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// loopSum is one iteration of a loop, from its header: the counts at the
// back edges (a whole iteration) and at each edge that leaves the loop (a
// last, partial iteration).
type loopSum struct {
	latch []state
	exits []exit
}

func (f *flow) summary(l *loops.Loop) *loopSum {
	if s, ok := f.sums[l]; ok {
		return s
	}
	s := &loopSum{}
	f.sums[l] = s
	for _, x := range f.run(l, l.Header, 0, []state{{}}) {
		if x.latch {
			s.latch = f.merge(s.latch, x.states)
		} else {
			s.exits = append(s.exits, x)
		}
	}
	return s
}

// exitClass says how many whole iterations ran before a loop left by an
// edge, as far as the receiver's count goes.
type exitClass uint8

const (
	exitUnknown exitClass = iota // a counter, a flag, a call: an unknown number of iterations
	exitCounted                  // the loop's own counted test: its trip count
	exitEarly                    // a way out taken on any iteration, the first one included
)

// through applies loop l (summary sum) to the states ss entering it, for
// its exit x.
func (f *flow) through(l *loops.Loop, sum *loopSum, ss []state, x exit) []state {
	f.conds()
	per, perOK := f.iteration(sum)
	// A phi of the loop takes new values in its iterations: what the path
	// knew of it before the loop no longer holds.
	var stale uint32
	for b, pcs := range f.phis {
		if l.Blocks[b] {
			for _, pc := range pcs {
				stale |= 1 << pc.id
			}
		}
	}
	var out []state
	for _, s := range ss {
		s.known &^= stale
		s.val &^= stale
		for _, last := range x.states {
			if last.d.drained {
				out = f.merge(out, []state{{d: last.d, why: last.why}})
				continue
			}
			var whole form
			switch {
			case !perOK:
				whole = scale(symForm(f.st.fresh()), -1) // unknown: no evidence either way
			case per.isZero():
			case per.nonNeg(): // iterations start senders: as many as may run
				ti := f.trips(l)
				switch {
				case ti == nil:
					whole = f.st.times(symForm(f.st.fresh()), per)
				case x.e == ti.exit && !ti.bottom:
					whole = f.st.times(ti.n, per)
				default:
					whole = f.st.times(sub(ti.n, constForm(1)), per)
				}
			case per.nonPos(): // iterations receive: only what surely ran
				switch f.classify(l, x.e) {
				case exitCounted:
					ti := f.trips(l)
					n := ti.n
					if ti.bottom {
						n = sub(n, constForm(1))
					}
					whole = f.st.times(n, per)
				case exitEarly:
					if x.e.b == nil {
						break // the call is where it leaves
					}
					// A return of its own says where it leaves; a break joins
					// the code after the loop, and the loop exit says it.
					ret, ok := terminal(x.e.to()).(*ssa.Return)
					own := ok && ret.Pos().IsValid() && len(x.e.to().Preds) == 1
					if last.why == nil && !own {
						last.why = &event{kind: evLoopExit, pos: lastPos(x.e.b)}
					}
				default:
					whole = f.st.times(symForm(f.st.fresh()), per)
				}
			default:
				whole = scale(symForm(f.st.fresh()), -1)
			}
			why := s.why
			if last.why != nil {
				why = last.why
			}
			out = f.merge(out, []state{{d: add(add(s.d, whole), last.d), why: why, known: s.known, val: s.val}})
		}
	}
	return out
}

// iteration returns the count of one whole iteration: the least of its
// paths (the receiver is assumed to take the path that receives most, the
// starter the one that starts fewest), or for a sender's own sends (most)
// the greatest; false when the paths cannot be ordered.
func (f *flow) iteration(sum *loopSum) (form, bool) {
	if len(sum.latch) == 0 {
		return form{}, true // it never loops: the exits are its only iteration
	}
	if f.most {
		var ds []form
		for _, s := range sum.latch {
			ds = append(ds, s.d)
		}
		return most(ds)
	}
	min := sum.latch[0].d
	for _, s := range sum.latch[1:] {
		switch {
		case le(s.d, min):
			min = s.d
		case le(min, s.d):
		default:
			return form{}, false
		}
	}
	return min, true
}

// classify says how a receive loop l is left by edge e.
func (f *flow) classify(l *loops.Loop, e edge) exitClass {
	if e.b == nil {
		return exitEarly // a call that ends the goroutine, on any iteration
	}
	if ti := f.trips(l); ti != nil && ti.exit == e {
		return exitCounted
	}
	ifi, ok := e.b.Instrs[len(e.b.Instrs)-1].(*ssa.If)
	if !ok {
		return exitUnknown
	}
	if f.cases[e.b] {
		return exitEarly // a select case (or default) that leaves the loop
	}
	if f.derived(ifi.Cond, func(v ssa.Value) bool {
		phi, ok := v.(*ssa.Phi)
		return ok && l.Blocks[phi.Block()]
	}) {
		return exitUnknown // a counter or a flag carried by the loop
	}
	if f.derived(ifi.Cond, func(v ssa.Value) bool { return f.data[v] }) {
		return exitEarly // a decision on a received value: the first error
	}
	for b := e.b; b != nil && l.Blocks[b]; b = b.Idom() {
		if f.marks[b] {
			return exitEarly // inside a case that takes another way out
		}
		if b == l.Header {
			break
		}
	}
	return exitUnknown
}

// derived reports whether v is computed (through at most a few pure
// operations, field and element reads, and calls) from a value that is.
func (f *flow) derived(v ssa.Value, is func(ssa.Value) bool) bool {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if v == nil || seen[v] || depth > 8 {
			return false
		}
		seen[v] = true
		if is(v) {
			return true
		}
		var ops []*ssa.Value
		switch v := v.(type) {
		case *ssa.Alloc: // a local variable: what is stored in it
			for _, r := range *v.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == v && walk(st.Val, depth+1) {
					return true
				}
			}
		case *ssa.BinOp, *ssa.UnOp, *ssa.Field, *ssa.FieldAddr, *ssa.Index, *ssa.IndexAddr,
			*ssa.Extract, *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface, *ssa.TypeAssert,
			*ssa.ChangeInterface, *ssa.Slice, *ssa.Lookup:
			ops = v.(ssa.Instruction).Operands(nil)
		case *ssa.Call:
			ops = v.Operands(nil)
		}
		for _, op := range ops {
			if op != nil && walk(*op, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(v, 0)
}

// tripInfo is the trip count of a counted loop, and the edge by which it
// ends. A bottom-tested loop (for i := range n) tests after its body, so
// its last iteration is the partial one of the exit.
type tripInfo struct {
	n      form
	exit   edge
	bottom bool
}

func (f *flow) trips(l *loops.Loop) *tripInfo {
	if t, ok := f.trip[l]; ok {
		return t
	}
	t := f.computeTrips(l)
	f.trip[l] = t
	return t
}

func (f *flow) computeTrips(l *loops.Loop) *tripInfo {
	// A range over a map: its length.
	for _, instr := range l.Header.Instrs {
		next, ok := instr.(*ssa.Next)
		if !ok {
			continue
		}
		ifi, ok := l.Header.Instrs[len(l.Header.Instrs)-1].(*ssa.If)
		if !ok || next.IsString {
			return nil
		}
		ok0, isExtract := ifi.Cond.(*ssa.Extract)
		if !isExtract || ok0.Tuple != next || ok0.Index != 0 || l.Blocks[ifi.Block().Succs[1]] {
			return nil
		}
		rng, ok := next.Iter.(*ssa.Range)
		if !ok {
			return nil
		}
		if _, isMap := rng.X.Type().Underlying().(*types.Map); !isMap {
			return nil
		}
		return &tripInfo{n: symForm(f.st.sym(symLen, stripConv(rng.X), 0)), exit: edge{ifi.Block(), 1}}
	}
	// An induction variable tested against a bound that the loop does
	// not change: for i := 0; i < n; i++, range xs, range n.
	for _, b := range f.fn.Blocks { // in block order, for determinism
		if !l.Blocks[b] {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		out := -1
		for i, s := range b.Succs {
			if !l.Blocks[s] {
				out = i
			}
		}
		if out < 0 || !l.Blocks[b.Succs[1-out]] {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok {
			continue
		}
		if t := f.inductionTrips(l, cmp, out == 0); t != nil {
			t.exit = edge{b, out}
			for _, s := range b.Succs {
				if s == l.Header {
					// Tested after the body: one more iteration than tests passed.
					t.bottom = true
					t.n = add(t.n, constForm(1))
				}
			}
			return t
		}
	}
	return nil
}

// inductionTrips reads the trip count of a test cmp of loop l on an
// induction variable (a header phi advanced by one per iteration).
// exitOnTrue says the loop leaves when cmp holds.
func (f *flow) inductionTrips(l *loops.Loop, cmp *ssa.BinOp, exitOnTrue bool) *tripInfo {
	op, x, y := cmp.Op, cmp.X, cmp.Y
	if exitOnTrue { // stay while !cmp
		switch op {
		case token.GEQ:
			op = token.LSS
		case token.GTR:
			op = token.LEQ
		case token.LEQ:
			op = token.GTR
		case token.LSS:
			op = token.GEQ
		default:
			return nil
		}
	}
	ind, ok := inductionOf(l, x)
	if !ok {
		if ind, ok = inductionOf(l, y); !ok {
			return nil
		}
		x, y, op = y, x, ssaform.Mirror(op) // y op phi  ==  phi op' y
	}
	if !f.invariant(l, y) {
		return nil
	}
	init, step, off := ind.init, ind.step, ind.off
	first := add(f.st.countOf(init), constForm(off)) // the first value tested
	bound := f.st.countOf(y)
	var n form
	switch {
	case step == 1 && op == token.LSS, step == 1 && op == token.NEQ:
		n = sub(bound, first)
	case step == 1 && op == token.LEQ:
		n = add(sub(bound, first), constForm(1))
	case step == -1 && op == token.GTR:
		n = sub(first, bound)
	case step == -1 && op == token.GEQ:
		n = add(sub(first, bound), constForm(1))
	default:
		return nil
	}
	return &tripInfo{n: n}
}

// An induction is a variable that a loop advances by a constant step.
type induction struct {
	init ssa.Value // its value on entry
	step int
	off  int // the value tested is the variable plus off
}

// inductionOf reads the induction variable that v tests: a header phi
// advanced by a constant on every back edge (or v is that phi plus a
// constant), or, when the loop's closures capture the variable (one
// variable per iteration since Go 1.22), a phi of cells loaded by v, each
// iteration's cell a copy of the last one's, incremented.
func inductionOf(l *loops.Loop, v ssa.Value) (induction, bool) {
	off := 0
	if bin, ok := v.(*ssa.BinOp); ok && bin.Op == token.ADD {
		if c, ok := bin.Y.(*ssa.Const); ok {
			v, off = bin.X, int(c.Int64())
		}
	}
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if phi, ok := load.X.(*ssa.Phi); ok && phi.Block() == l.Header {
			ind, ok := cellInduction(l, phi)
			ind.off = off
			return ind, ok
		}
		return induction{}, false
	}
	phi, ok := v.(*ssa.Phi)
	if !ok || phi.Block() != l.Header {
		return induction{}, false
	}
	ind := induction{off: off}
	for i, e := range phi.Edges {
		if !l.Blocks[phi.Block().Preds[i]] {
			if ind.init != nil && ind.init != e {
				return induction{}, false
			}
			ind.init = e
			continue
		}
		k, ok := stepOf(e, func(x ssa.Value) bool { return x == phi })
		if !ok || (ind.step != 0 && ind.step != k) {
			return induction{}, false
		}
		ind.step = k
	}
	return ind, ind.init != nil && ind.step != 0
}

// stepOf reads x ± c where isVar(x), as the step c (-c).
func stepOf(v ssa.Value, isVar func(ssa.Value) bool) (int, bool) {
	bin, ok := v.(*ssa.BinOp)
	if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) {
		return 0, false
	}
	if c, ok := bin.Y.(*ssa.Const); ok && isVar(bin.X) {
		if bin.Op == token.SUB {
			return -int(c.Int64()), true
		}
		return int(c.Int64()), true
	}
	if c, ok := bin.X.(*ssa.Const); ok && isVar(bin.Y) && bin.Op == token.ADD {
		return int(c.Int64()), true
	}
	return 0, false
}

// cellInduction reads the induction of a per-iteration variable: the phi
// of its cells, the entry cell stored once, each back edge's cell stored
// with the previous value and then with it plus a constant.
func cellInduction(l *loops.Loop, phi *ssa.Phi) (induction, bool) {
	var ind induction
	for i, e := range phi.Edges {
		alloc, ok := e.(*ssa.Alloc)
		if !ok {
			return induction{}, false
		}
		stores := storesTo(alloc)
		if !l.Blocks[phi.Block().Preds[i]] {
			if len(stores) != 1 || (ind.init != nil && ind.init != stores[0].Val) {
				return induction{}, false
			}
			ind.init = stores[0].Val
			continue
		}
		step := 0
		for _, st := range stores {
			isOld := func(x ssa.Value) bool {
				load, ok := x.(*ssa.UnOp)
				return ok && load.Op == token.MUL && (load.X == alloc || load.X == phi)
			}
			if isOld(st.Val) {
				continue // the copy of the previous iteration's value
			}
			k, ok := stepOf(st.Val, isOld)
			if !ok || step != 0 {
				return induction{}, false
			}
			step = k
		}
		if step == 0 || (ind.step != 0 && ind.step != step) {
			return induction{}, false
		}
		ind.step = step
	}
	return ind, ind.init != nil && ind.step != 0
}

func storesTo(alloc *ssa.Alloc) []*ssa.Store {
	var out []*ssa.Store
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			out = append(out, st)
		}
	}
	return out
}

// invariant reports whether v has the same value on every iteration of l:
// a constant, a value defined outside l, or len of one.
func (f *flow) invariant(l *loops.Loop, v ssa.Value) bool {
	v = stripConv(v)
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Global, *ssa.Function:
		return true
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" && len(v.Call.Args) == 1 {
			return f.invariant(l, v.Call.Args[0])
		}
	}
	instr, ok := v.(ssa.Instruction)
	return ok && !l.Blocks[instr.Block()]
}

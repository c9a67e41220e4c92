package blocked

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A count is how many sends or receives a path makes, as a linear form
// c + Σ kᵢ·nᵢ over symbols nᵢ ≥ 0: the trip count of a loop (len(xs), n),
// or an unknown quantity (a loop whose trips cannot be read, goroutines
// started per item of a stream). A form is never solved: it is only
// compared, term by term, which keeps the analysis linear.
type form struct {
	c       int
	terms   []term // sorted by symbol key, no zero coefficient
	drained bool   // every sender was heard (a receive loop ran until close): -∞
}

type term struct {
	s sym
	k int
}

type symKind uint8

const (
	symLen   symKind = iota + 1 // len(v)
	symVal                      // the integer value v
	symFresh                    // an unknown quantity, equal to no other
)

// A sym is one quantity. Two loops over the same slice value share the
// symbol len(xs): that is how a receive loop is matched with its senders.
type sym struct {
	kind symKind
	v    ssa.Value
	n    int // fresh id, or parameter index
	id   int // order of creation (see symtab)
}

func (s sym) less(t sym) bool { return s.id < t.id }

// symtab interns symbols, so that equal quantities are equal symbols and
// forms keep their terms in one order.
type symtab struct {
	ids map[symKey]int
}

type symKey struct {
	kind symKind
	v    ssa.Value
	n    int
}

func (st *symtab) sym(kind symKind, v ssa.Value, n int) sym {
	if st.ids == nil {
		st.ids = make(map[symKey]int)
	}
	k := symKey{kind, v, n}
	id, ok := st.ids[k]
	if !ok {
		id = len(st.ids) + 1
		st.ids[k] = id
	}
	return sym{kind: kind, v: v, n: n, id: id}
}

func (st *symtab) fresh() sym { return st.sym(symFresh, nil, len(st.ids)+1) }

func constForm(c int) form { return form{c: c} }

func symForm(s sym) form { return form{terms: []term{{s, 1}}} }

func (f form) isZero() bool { return !f.drained && f.c == 0 && len(f.terms) == 0 }

func (f form) equal(g form) bool {
	return f.drained == g.drained && f.c == g.c && slices.Equal(f.terms, g.terms)
}

func add(f, g form) form {
	if f.drained || g.drained {
		return form{drained: true}
	}
	out := form{c: f.c + g.c}
	i, j := 0, 0
	for i < len(f.terms) || j < len(g.terms) {
		switch {
		case j == len(g.terms) || (i < len(f.terms) && f.terms[i].s.less(g.terms[j].s)):
			out.terms = append(out.terms, f.terms[i])
			i++
		case i == len(f.terms) || g.terms[j].s.less(f.terms[i].s):
			out.terms = append(out.terms, g.terms[j])
			j++
		default:
			if k := f.terms[i].k + g.terms[j].k; k != 0 {
				out.terms = append(out.terms, term{f.terms[i].s, k})
			}
			i++
			j++
		}
	}
	return out
}

func scale(f form, k int) form {
	if f.drained {
		return f
	}
	if k == 0 {
		return form{}
	}
	out := form{c: f.c * k}
	for _, t := range f.terms {
		out.terms = append(out.terms, term{t.s, t.k * k})
	}
	return out
}

func sub(f, g form) form { return add(f, scale(g, -1)) }

// constant returns f's value when it has no symbol.
func (f form) constant() (int, bool) { return f.c, !f.drained && len(f.terms) == 0 }

// nonNeg reports whether f ≥ 0 for every value of its symbols.
func (f form) nonNeg() bool {
	if f.drained {
		return false
	}
	for _, t := range f.terms {
		if t.k < 0 {
			return false
		}
	}
	return f.c >= 0
}

// nonPos reports whether f ≤ 0 for every value of its symbols.
func (f form) nonPos() bool {
	if f.drained {
		return true
	}
	for _, t := range f.terms {
		if t.k > 0 {
			return false
		}
	}
	return f.c <= 0
}

// canExceed reports whether f > 0 is shown: no symbol counts against it,
// and either the constant is positive, or a symbol can grow and the
// constant is at least -1 when the symbol is a count the code names (n
// senders started by a loop over xs and one receive leave len(xs)-1
// behind as soon as there are two), at least 0 when it is an unknown many
// (a stream of reads may deliver just what the receiver took). A form with
// a negative coefficient (receives whose number is unknown, or a second,
// unrelated count) is no evidence, and neither is n-2 or less (n senders
// and two receives): the code may well start exactly that many.
func (f form) canExceed() bool {
	if f.drained {
		return false
	}
	grows, named := false, false
	for _, t := range f.terms {
		if t.k < 0 {
			return false
		}
		grows = true
		named = named || t.s.kind != symFresh
	}
	switch {
	case f.c > 0:
		return true
	case !grows:
		return false
	case named:
		return f.c >= -1
	default:
		return f.c >= 0
	}
}

// le reports whether f ≤ g for every value of the symbols.
func le(f, g form) bool {
	if f.drained {
		return true
	}
	if g.drained {
		return false
	}
	return sub(g, f).nonNeg()
}

// times multiplies f by a trip count t. A product of two symbolic forms
// is not linear: it becomes a fresh symbol of the product's sign, or an
// unknown quantity against f when the sign cannot be told.
func (st *symtab) times(t, f form) form {
	if f.drained {
		return f
	}
	if k, ok := t.constant(); ok {
		return scale(f, k)
	}
	if k, ok := f.constant(); ok {
		return scale(t, k)
	}
	switch {
	case f.nonNeg():
		return symForm(st.fresh())
	default:
		return scale(symForm(st.fresh()), -1)
	}
}

// countOf returns the form of an integer SSA value: a constant, len(v)
// (with the length of arrays and of slices of array literals folded to a
// constant), or the value itself.
func (st *symtab) countOf(v ssa.Value) form {
	v = stripConv(v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Int {
			if n, ok := constant.Int64Val(v.Value); ok && n > -1<<20 && n < 1<<20 {
				return constForm(int(n))
			}
		}
		return symForm(st.sym(symVal, v, 0))
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" && len(v.Call.Args) == 1 {
			return st.lenOf(v.Call.Args[0])
		}
	case *ssa.BinOp:
		if v.Op == token.ADD || v.Op == token.SUB {
			x, y := st.countOf(v.X), st.countOf(v.Y)
			if v.Op == token.SUB {
				return sub(x, y)
			}
			return add(x, y)
		}
	}
	return symForm(st.sym(symVal, v, 0))
}

// lenOf returns the form of len(x).
func (st *symtab) lenOf(x ssa.Value) form {
	x = stripConv(x)
	if n, ok := arrayLen(x); ok {
		return constForm(n)
	}
	return symForm(st.sym(symLen, x, 0))
}

// translate rewrites a count of callee (its symbols on its parameters) for
// a call with the given arguments; a quantity of the callee that is not a
// parameter becomes a fresh one of the same sign.
func (st *symtab) translate(f form, callee *ssa.Function, args []ssa.Value) form {
	if f.drained {
		return f
	}
	out := constForm(f.c)
	for _, t := range f.terms {
		var x form
		i := paramIndex(callee, t.s.v)
		switch {
		case i >= 0 && i < len(args) && t.s.kind == symLen:
			x = st.lenOf(args[i])
		case i >= 0 && i < len(args) && t.s.kind == symVal:
			x = st.countOf(args[i])
		default:
			x = symForm(st.fresh())
		}
		out = add(out, scale(x, t.k))
	}
	return out
}

// fromFact reads a count of a fact for a call with the given arguments.
func (st *symtab) fromFact(c FactCount, args []ssa.Value) form {
	out := constForm(c.C)
	for _, t := range c.Terms {
		var x form
		switch {
		case t.Param >= len(args):
			x = symForm(st.fresh())
		case t.Len:
			x = st.lenOf(args[t.Param])
		default:
			x = st.countOf(args[t.Param])
		}
		out = add(out, scale(x, t.K))
	}
	if c.Many {
		out = add(out, symForm(st.fresh()))
	}
	return out
}

// arrayLen returns the length of an array value, a pointer to one, or a
// slice of a whole array allocated in place (a slice literal).
func arrayLen(x ssa.Value) (int, bool) {
	t := x.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if a, ok := t.(*types.Array); ok {
		return int(a.Len()), true
	}
	if s, ok := x.(*ssa.Slice); ok && s.Low == nil && s.High == nil && s.Max == nil {
		if _, isAlloc := s.X.(*ssa.Alloc); isAlloc {
			return arrayLen(s.X)
		}
	}
	return 0, false
}

// stripConv removes integer conversions and channel direction changes.
func stripConv(v ssa.Value) ssa.Value {
	for {
		switch c := v.(type) {
		case *ssa.ChangeType:
			v = c.X
		case *ssa.Convert:
			if _, ok := c.X.Type().Underlying().(*types.Basic); !ok {
				return v
			}
			v = c.X
		default:
			return v
		}
	}
}

// String renders a count, for messages while debugging and for tests.
func (f form) String() string {
	if f.drained {
		return "drained"
	}
	s := fmt.Sprint(f.c)
	for _, t := range f.terms {
		switch t.s.kind {
		case symLen:
			s += fmt.Sprintf(" %+d·len(%s)", t.k, t.s.v.Name())
		case symVal:
			s += fmt.Sprintf(" %+d·%s", t.k, t.s.v.Name())
		default:
			s += fmt.Sprintf(" %+d·ρ%d", t.k, t.s.n)
		}
	}
	return s
}

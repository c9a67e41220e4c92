package ignoredsignal

import (
	"go/ast"
	"go/token"
	"go/types"
)

// perCallSlot reports whether ch names a per-call one-shot slot: a field or
// package variable every store of which holds a channel made with capacity
// 1 by the function that stores it (make(chan T, 1) stored directly, or a
// local defined by that make and used for nothing else), and that function
// is the only reader: one receive of the channel it made, outside any loop,
// in its own body or in a function literal it runs once (go func(){...}(),
// defer func(){...}(), func(){...}()). Everything else in the package only
// sends on the variable, compares it with nil, or stores into it.
//
// Property: each channel the variable ever holds is received from exactly
// once, by the call that made it; the first value sent fills its one slot
// and decides that call (an authentication reply, "send the will message
// or not"), and a later send finds the slot full only when nobody will
// ever read it again, so dropping it loses nothing. A receive in a loop, a
// receive in another function (a method called again and again on the same
// channel), a callback that may run many times, or a channel that escapes
// (passed, copied, ranged) makes a stream, and the drop is reported.
func (c *checker) perCallSlot(ch ast.Expr) bool {
	obj, ok := c.chanObject(ch).(*types.Var)
	if !ok || !(obj.IsField() || obj.Parent() == obj.Pkg().Scope()) {
		return false
	}
	if v, done := c.slots[obj]; done {
		return v
	}
	if c.slots == nil {
		c.slots = make(map[*types.Var]bool)
	}
	v := c.perCallSlotOf(obj)
	c.slots[obj] = v
	return v
}

// chanUse is one use of a channel field or package variable: the
// identifier and the syntax around it, outermost first.
type chanUse struct {
	id    *ast.Ident
	stack []ast.Node
}

// chanUses returns the uses of obj in the package's functions, indexed in
// one walk of the package for every channel field and package variable
// the first time any is asked about (a use outside a function, in a
// package-level initializer, is recorded with a nil stack).
func (c *checker) chanUses(obj *types.Var) []chanUse {
	if c.uses == nil {
		c.uses = make(map[*types.Var][]chanUse)
		info := c.pass.TypesInfo
		c.ins.WithStack([]ast.Node{(*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
			if !push {
				return false
			}
			id := n.(*ast.Ident)
			v, ok := info.Uses[id].(*types.Var)
			if !ok || !(v.IsField() || v.Parent() == v.Pkg().Scope()) {
				return false
			}
			if _, isChan := v.Type().Underlying().(*types.Chan); !isChan {
				return false
			}
			u := chanUse{id: id}
			if outerDecl(stack) != nil {
				u.stack = append([]ast.Node(nil), stack...)
			}
			c.uses[v] = append(c.uses[v], u)
			return false
		})
	}
	return c.uses[obj]
}

func (c *checker) perCallSlotOf(obj *types.Var) bool {
	info := c.pass.TypesInfo
	makers := make(map[*ast.FuncDecl]int) // functions storing make(chan T, 1) into obj: receives of obj in them
	var locals []slotLocal                // locals defined by make(chan T, 1) and stored into obj
	var objStacks [][]ast.Node            // the syntax around each receive of obj, outermost first
	for _, u := range c.chanUses(obj) {
		if u.stack == nil {
			return false // a package-level initializer
		}
		id, stack := u.id, u.stack
		fn := outerDecl(stack)
		// e is the expression that denotes the variable: x.f or f.
		var e ast.Expr = id
		i := len(stack) - 2
		if sel, isSel := stack[i].(*ast.SelectorExpr); isSel && sel.Sel == id {
			e = sel
			i--
		}
		i = unparenAt(stack, i)
		ok := true
		switch p := stack[i].(type) {
		case *ast.KeyValueExpr:
			ok = p.Key == id && c.slotStore(p.Value, fn, makers, &locals)
		case *ast.AssignStmt:
			idx := -1
			for j, l := range p.Lhs {
				if ast.Unparen(l) == e {
					idx = j
				}
			}
			// Read as a value (copied) unless it is the target.
			ok = idx >= 0 && len(p.Lhs) == len(p.Rhs) && c.slotStore(p.Rhs[idx], fn, makers, &locals)
		case *ast.SendStmt:
			ok = p.Chan == e
		case *ast.BinaryExpr:
			ok = (p.Op == token.EQL || p.Op == token.NEQ) && (isNil(info, p.X) || isNil(info, p.Y))
		case *ast.UnaryExpr:
			ok = p.Op == token.ARROW
			objStacks = append(objStacks, stack[:i+1])
		default:
			ok = false // passed, ranged, closed, returned: it escapes
		}
		if !ok {
			return false
		}
	}
	if len(makers) == 0 && len(locals) == 0 {
		return false
	}
	for _, stack := range objStacks {
		fn := outerDecl(stack)
		if _, made := makers[fn]; !made || !onceIn(stack) {
			return false // read by another function, or in a loop
		}
		makers[fn]++
	}
	for _, n := range makers {
		if n != 1 {
			return false // no receive of its own, or several
		}
	}
	for _, l := range locals {
		if !c.localSlotReadOnce(l.id, l.fn) {
			return false
		}
	}
	return true
}

// slotStore judges one value stored into the slot variable inside fn: nil
// (cleared), make(chan T, 1) (received through the variable itself), or a
// local defined by make(chan T, 1) (received through the local).
func (c *checker) slotStore(val ast.Expr, fn *ast.FuncDecl, makers map[*ast.FuncDecl]int, locals *[]slotLocal) bool {
	info := c.pass.TypesInfo
	val = ast.Unparen(val)
	if isNil(info, val) {
		return true
	}
	if isMakeChanOne(info, val) {
		if _, seen := makers[fn]; !seen {
			makers[fn] = 0 // its receives are counted by the caller
		}
		return true
	}
	id, ok := val.(*ast.Ident)
	if !ok {
		return false
	}
	l, ok := info.Uses[id].(*types.Var)
	if !ok || l.IsField() || l.Parent() == l.Pkg().Scope() || !(fn.Pos() <= l.Pos() && l.Pos() < fn.End()) {
		return false
	}
	*locals = append(*locals, slotLocal{id, fn})
	return true
}

// slotLocal is a local stored into a slot variable, and the function
// declaring it.
type slotLocal struct {
	id *ast.Ident
	fn *ast.FuncDecl
}

// localSlotReadOnce reports whether the local that use refers to, declared
// in fn, is defined by make(chan T, 1), never assigned again, and used only
// to be stored (into the slot variable: the caller checked those stores)
// and received from once, outside any loop of its function.
func (c *checker) localSlotReadOnce(use *ast.Ident, fn *ast.FuncDecl) bool {
	info := c.pass.TypesInfo
	l := info.Uses[use]
	if fn.Body == nil {
		return false
	}
	ok, defined, receives := true, false, 0
	var stack []ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || !ok {
			return ok
		}
		if info.Defs[id] == l {
			p, isAssign := stack[len(stack)-2].(*ast.AssignStmt)
			if vs, isSpec := stack[len(stack)-2].(*ast.ValueSpec); isSpec && len(vs.Names) == 1 && len(vs.Values) == 1 {
				defined = isMakeChanOne(info, vs.Values[0])
			} else if isAssign && len(p.Lhs) == 1 && len(p.Rhs) == 1 {
				defined = isMakeChanOne(info, p.Rhs[0])
			} else {
				ok = false
			}
			return true
		}
		if info.Uses[id] != l {
			return true
		}
		i := unparenAt(stack, len(stack)-2)
		switch p := stack[i].(type) {
		case *ast.AssignStmt:
			// Only as the value stored into the slot variable, never
			// assigned itself.
			for j, r := range p.Rhs {
				if ast.Unparen(r) == id && j < len(p.Lhs) {
					if v, isVar := c.chanObject(p.Lhs[j]).(*types.Var); !isVar || !(v.IsField() || v.Parent() == v.Pkg().Scope()) {
						ok = false
					}
					return true
				}
			}
			ok = false
		case *ast.KeyValueExpr:
			ok = p.Value == id
		case *ast.UnaryExpr:
			ok = p.Op == token.ARROW && onceIn(stack[:i+1])
			receives++
		default:
			ok = false
		}
		return true
	})
	return ok && defined && receives == 1
}

// onceIn reports whether the node at the top of stack runs at most once per
// call of the function declaration around it: no loop around it, and every
// function literal on the way is run once where it is written (the callee
// of a go or defer statement, or called on the spot).
func onceIn(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.FuncLit:
			if i == 0 {
				return false
			}
			call, isCall := stack[i-1].(*ast.CallExpr)
			if !isCall || ast.Unparen(call.Fun) != n {
				return false // a callback: it may run any number of times
			}
		case *ast.FuncDecl:
			return true
		}
	}
	return false
}

// unparenAt returns the index of the innermost node at or above stack[i]
// (outermost first) that is not a parenthesis.
func unparenAt(stack []ast.Node, i int) int {
	for i > 0 {
		if _, paren := stack[i].(*ast.ParenExpr); !paren {
			break
		}
		i--
	}
	return i
}

// outerDecl returns the function declaration around the top of stack.
func outerDecl(stack []ast.Node) *ast.FuncDecl {
	for _, n := range stack {
		if d, ok := n.(*ast.FuncDecl); ok {
			return d
		}
	}
	return nil
}

func isNil(info *types.Info, e ast.Expr) bool {
	return info.Types[ast.Unparen(e)].IsNil()
}

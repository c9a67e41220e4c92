package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// This file answers "who calls this function, and are those all its
// callers?" for the queue rules, from the package's syntax: the static call
// sites of each declared function and of each function literal bound to a
// local variable (fill := func() {...}; fill()). It is built once per pass,
// the first time a queue rule asks.

// A callSite is a static call of a function of the package.
type callSite struct {
	call *ast.CallExpr
	fn   ast.Node // the enclosing FuncDecl or FuncLit
}

// An ifaceSite is a call of an interface method, with the interface.
type ifaceSite struct {
	callSite
	iface *types.Interface
}

type callIndex struct {
	sites   map[types.Object][]callSite // by *types.Func (origin) or the *types.Var a literal is bound to
	escapes map[types.Object]bool       // used other than as the callee of a call (a method value, a func value)
	iface   map[string]bool             // names of methods called through an interface
	// the calls of interface methods, by method name
	ifaceSites map[string][]ifaceSite
	litVar     map[*ast.FuncLit]types.Object
}

func (u *checker) calls() *callIndex {
	if u.qc.callIdx != nil {
		return u.qc.callIdx
	}
	x := &callIndex{
		sites:      make(map[types.Object][]callSite),
		escapes:    make(map[types.Object]bool),
		iface:      make(map[string]bool),
		ifaceSites: make(map[string][]ifaceSite),
		litVar:     make(map[*ast.FuncLit]types.Object),
	}
	u.qc.callIdx = x
	info := u.pass.TypesInfo
	bound := make(map[types.Object]*ast.FuncLit)
	u.ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			// fill := func() {...}: calls of fill are calls of the literal.
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if lit, ok := ast.Unparen(n.Rhs[0]).(*ast.FuncLit); ok {
					if id, ok := n.Lhs[0].(*ast.Ident); ok && info.Defs[id] != nil {
						bound[info.Defs[id]] = lit
						x.litVar[lit] = info.Defs[id]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == 1 && len(n.Values) == 1 {
				if lit, ok := ast.Unparen(n.Values[0]).(*ast.FuncLit); ok && info.Defs[n.Names[0]] != nil {
					bound[info.Defs[n.Names[0]]] = lit
					x.litVar[lit] = info.Defs[n.Names[0]]
				}
			}
		case *ast.CallExpr:
			fn := enclosingFunc(stack)
			if fn == nil {
				return true
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && types.IsInterface(s.Recv()) {
					x.iface[sel.Sel.Name] = true
					if it, ok := s.Recv().Underlying().(*types.Interface); ok {
						x.ifaceSites[sel.Sel.Name] = append(x.ifaceSites[sel.Sel.Name], ifaceSite{callSite{call: n, fn: fn}, it})
					}
				}
			}
			switch callee := typeutil.Callee(info, n).(type) {
			case *types.Func:
				if callee.Pkg() == u.pass.Pkg {
					key := callee.Origin()
					x.sites[key] = append(x.sites[key], callSite{call: n, fn: fn})
				}
			case *types.Var:
				if _, ok := bound[callee]; ok {
					x.sites[callee] = append(x.sites[callee], callSite{call: n, fn: fn})
				}
			}
		case *ast.Ident:
			if len(stack) < 2 {
				return true
			}
			switch obj := info.Uses[n].(type) {
			case *types.Func:
				if obj.Pkg() == u.pass.Pkg && !calleePosition(n, stack) {
					x.escapes[obj.Origin()] = true
				}
			case *types.Var:
				if bound[obj] != nil && !calleePosition(n, stack) {
					x.escapes[obj] = true
				}
			}
		}
		return true
	})
	return x
}

// calleePosition reports whether the identifier at the top of stack is
// the function called by its call: f(...), x.f(...), f[T](...).
func calleePosition(id *ast.Ident, stack []ast.Node) bool {
	var child ast.Node = id
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.SelectorExpr:
			if p.Sel != child {
				return false
			}
		case *ast.IndexExpr:
			if p.X != child {
				return false
			}
		case *ast.IndexListExpr:
			if p.X != child {
				return false
			}
		case *ast.ParenExpr:
		case *ast.CallExpr:
			return p.Fun == child
		default:
			return false
		}
		child = stack[i]
	}
	return false
}

// callersOf returns the static call sites of the function fn (a FuncDecl
// or a FuncLit bound to a variable), and whether they are all its callers:
// the function is unexported, never used as a value, not a method that the
// package calls through an interface, and not a literal handed elsewhere.
func (u *checker) callersOf(fn ast.Node) ([]callSite, bool) {
	x := u.calls()
	switch f := fn.(type) {
	case *ast.FuncDecl:
		obj, ok := u.pass.TypesInfo.Defs[f.Name].(*types.Func)
		if !ok {
			return nil, false
		}
		// An exported method of a type that never leaves the package
		// (privateType) is called only from it, like an unexported one.
		private := obj.Exported() && f.Recv != nil && u.privateType(obj)
		all := (!obj.Exported() || private) && !x.escapes[obj] && f.Name.Name != "init" && f.Name.Name != "main"
		if f.Recv != nil && x.iface[f.Name.Name] {
			all = false
		}
		return x.sites[obj], all
	case *ast.FuncLit:
		v := x.litVar[f]
		if v == nil {
			return nil, false
		}
		// The literal is known only through its variable; the variable
		// used as a value (passed on, stored) hides callers.
		return x.sites[v], !x.escapes[v]
	}
	return nil, false
}

// pathTo returns the nodes from fn down to target, both included, or nil.
func pathTo(fn, target ast.Node) []ast.Node {
	var path, found []ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			path = path[:len(path)-1]
			return false
		}
		if n.Pos() > target.Pos() || n.End() < target.End() {
			return false
		}
		path = append(path, n)
		if n == target {
			found = append([]ast.Node(nil), path...)
			return false
		}
		return true
	})
	return found
}

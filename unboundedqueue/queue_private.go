package unboundedqueue

import (
	"go/ast"
	"go/types"
)

// privateTypes answers "can code outside the package reach a value of
// this type?" for the queue rules, once per pass.
type privateTypes struct {
	exposed   map[*types.TypeName]bool // named types of the package reachable from its exported API
	converted map[*types.TypeName]bool // named types of the package whose values (or pointers) become interfaces
}

// privateType reports whether method m's receiver type is one that code
// outside the package cannot reach: an unexported type of the package that
// its exported API does not expose (no exported function, variable, field,
// embedded field or method of an exposed type mentions it) and whose
// values and pointers are never converted to an interface (a value turned
// into an interface can reach a caller elsewhere: heap.Push calls Push).
//
// Property: then every call of m, even an exported method, is a call in
// the package's own code, and the package's static calls of it are all its
// calls (a wrapper's bounded push reaching an inner type's Push).
func (u *checker) privateType(m *types.Func) bool {
	recv := m.Signature().Recv()
	if recv == nil {
		return false
	}
	n := namedOf(recv.Type())
	if n == nil || n.Obj().Pkg() != u.pass.Pkg || n.Obj().Exported() || n.Obj().Parent() != u.pass.Pkg.Scope() {
		return false
	}
	if u.qc.private == nil {
		u.qc.private = &privateTypes{exposed: u.exposedTypes(), converted: u.convertedTypes()}
	}
	tn := n.Obj()
	return !u.qc.private.exposed[tn] && !u.qc.private.converted[tn]
}

// exposedTypes returns the named types of the package that its exported
// API mentions, directly or through the exported fields, embedded fields
// and exported methods of types it mentions.
func (u *checker) exposedTypes() map[*types.TypeName]bool {
	out := make(map[*types.TypeName]bool)
	seen := make(map[types.Type]bool)
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Alias:
			walk(types.Unalias(t))
		case *types.Named:
			if args := t.TypeArgs(); args != nil {
				for i := 0; i < args.Len(); i++ {
					walk(args.At(i))
				}
			}
			if t.Obj().Pkg() != u.pass.Pkg {
				return
			}
			out[t.Origin().Obj()] = true
			walk(t.Underlying())
			for i := 0; i < t.NumMethods(); i++ {
				if m := t.Method(i); m.Exported() {
					walk(m.Type())
				}
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Signature:
			walk(t.Params())
			walk(t.Results())
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				walk(t.At(i).Type())
			}
		case *types.Struct:
			for i := 0; i < t.NumFields(); i++ {
				if f := t.Field(i); f.Exported() || f.Embedded() {
					walk(f.Type())
				}
			}
		case *types.Interface:
			for i := 0; i < t.NumMethods(); i++ {
				walk(t.Method(i).Type())
			}
			for i := 0; i < t.NumEmbeddeds(); i++ {
				walk(t.EmbeddedType(i))
			}
		case *types.TypeParam:
			walk(t.Constraint())
		}
	}
	scope := u.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName, *types.Func, *types.Var:
			if obj.Exported() {
				walk(obj.Type())
			}
		}
	}
	return out
}

// convertedTypes returns the named types of the package whose values or
// pointers the package converts to an interface type: passed as an
// interface argument, assigned, returned, sent or stored in a composite
// literal as one, or converted explicitly.
func (u *checker) convertedTypes() map[*types.TypeName]bool {
	info := u.pass.TypesInfo
	out := make(map[*types.TypeName]bool)
	noteType := func(to, from types.Type) {
		if to == nil || from == nil || !types.IsInterface(to) || types.IsInterface(from) {
			return
		}
		if n := namedOf(from); n != nil && n.Obj().Pkg() == u.pass.Pkg {
			out[n.Obj()] = true
		}
	}
	note := func(to types.Type, e ast.Expr) {
		if tv, ok := info.Types[e]; ok {
			noteType(to, tv.Type)
		}
	}
	u.ins.WithStack([]ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.ReturnStmt)(nil), (*ast.SendStmt)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				if len(n.Args) == 1 {
					note(tv.Type, n.Args[0])
				}
				return true
			}
			sig, ok := info.TypeOf(n.Fun).(*types.Signature)
			if !ok {
				return true
			}
			params := sig.Params()
			for i, a := range n.Args {
				switch {
				case sig.Variadic() && i >= params.Len()-1:
					if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok && !n.Ellipsis.IsValid() {
						note(s.Elem(), a)
					}
				case i < params.Len():
					note(params.At(i).Type(), a)
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					note(info.TypeOf(n.Lhs[i]), n.Rhs[i])
				}
			} else if len(n.Rhs) == 1 {
				// i, err = newThing(): the results of one call.
				if tup, ok := info.TypeOf(n.Rhs[0]).(*types.Tuple); ok && tup.Len() == len(n.Lhs) {
					for i, l := range n.Lhs {
						noteType(info.TypeOf(l), tup.At(i).Type())
					}
				}
			}
		case *ast.ValueSpec:
			if n.Type != nil && len(n.Values) == len(n.Names) {
				for _, v := range n.Values {
					note(info.TypeOf(n.Type), v)
				}
			}
		case *ast.ReturnStmt:
			var sig *types.Signature
			for i := len(stack) - 2; i >= 0 && sig == nil; i-- {
				switch f := stack[i].(type) {
				case *ast.FuncDecl:
					if obj, ok := info.Defs[f.Name].(*types.Func); ok {
						sig = obj.Signature()
					}
				case *ast.FuncLit:
					sig, _ = info.TypeOf(f).(*types.Signature)
				}
			}
			if sig != nil && sig.Results().Len() == len(n.Results) {
				for i, r := range n.Results {
					note(sig.Results().At(i).Type(), r)
				}
			} else if sig != nil && len(n.Results) == 1 {
				// return newThing(): the results of one call.
				if tup, ok := info.TypeOf(n.Results[0]).(*types.Tuple); ok && tup.Len() == sig.Results().Len() {
					for i := 0; i < tup.Len(); i++ {
						noteType(sig.Results().At(i).Type(), tup.At(i).Type())
					}
				}
			}
		case *ast.SendStmt:
			if ch, ok := info.TypeOf(n.Chan).Underlying().(*types.Chan); ok {
				note(ch.Elem(), n.Value)
			}
		case *ast.CompositeLit:
			t := info.TypeOf(n)
			if t == nil {
				return true
			}
			switch ut := t.Underlying().(type) {
			case *types.Slice, *types.Array, *types.Map:
				var elem types.Type
				switch ut := ut.(type) {
				case *types.Slice:
					elem = ut.Elem()
				case *types.Array:
					elem = ut.Elem()
				case *types.Map:
					elem = ut.Elem()
				}
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						e = kv.Value
					}
					note(elem, e)
				}
			case *types.Struct:
				for i, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if f, ok := info.Uses[id].(*types.Var); ok {
								note(f.Type(), kv.Value)
							}
						}
					} else if i < ut.NumFields() {
						note(ut.Field(i).Type(), e)
					}
				}
			}
		}
		return true
	})
	return out
}

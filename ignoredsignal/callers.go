package ignoredsignal

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/bplint/bplint/internal/sink"
)

// funcCalls indexes, once per package, the static calls of each function
// declared in the package, and the functions used other than by a call (as
// a value: their callers are out of sight).
type funcCalls struct {
	calls map[*types.Func][]*ast.CallExpr
	value map[*types.Func]bool
}

func (c *checker) callsOf() *funcCalls {
	if c.calls != nil {
		return c.calls
	}
	info := c.pass.TypesInfo
	fc := &funcCalls{calls: make(map[*types.Func][]*ast.CallExpr), value: make(map[*types.Func]bool)}
	called := make(map[*ast.Ident]bool)
	c.ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		fn := typeutil.StaticCallee(info, call)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return
		}
		fn = fn.Origin()
		fc.calls[fn] = append(fc.calls[fn], call)
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			called[f] = true
		case *ast.SelectorExpr:
			called[f.Sel] = true
		case *ast.IndexExpr: // an instantiation f[T](...)
			if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
				called[id] = true
			}
		}
	})
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() == c.pass.Pkg && !called[id] {
			fc.value[fn.Origin()] = true
		}
	}
	c.calls = fc
	return fc
}

// callersPassInfallible reports whether w, the receiver of a Flush, is a
// buffered writer built over a parameter of its function, and every call
// of that function passes there a writer that cannot fail (a
// *bytes.Buffer, a *strings.Builder, io.Discard). The function must have a
// call in the package, not be used as a value, and be unexported or
// exported from an internal package, so the calls seen are its callers.
//
// Property: a function that writes through a buffer over its writer
// parameter, called only with in-memory writers (WriteUnifiedDiff(w, d)
// with w := &bytes.Buffer{}, the diff helpers that libraries copy into an
// internal package), flushes into memory: the Flush cannot fail.
func (c *checker) callersPassInfallible(w ssa.Value) bool {
	p, ok := sink.Wrapped(storedOnce(w)).(*ssa.Parameter)
	if !ok {
		return false
	}
	fn := p.Parent()
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || obj.Pkg() != c.pass.Pkg {
		return false
	}
	if obj.Exported() && !internalPath(obj.Pkg().Path()) {
		return false
	}
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if obj.Signature().Recv() != nil {
		idx-- // fn.Params[0] is the receiver, not an argument of the call
	}
	if idx < 0 {
		return false
	}
	fc := c.callsOf()
	calls := fc.calls[obj.Origin()]
	if len(calls) == 0 || fc.value[obj.Origin()] || obj.Signature().Variadic() && idx == obj.Signature().Params().Len()-1 {
		return false
	}
	info := c.pass.TypesInfo
	for _, call := range calls {
		if idx >= len(call.Args) {
			return false
		}
		arg := ast.Unparen(call.Args[idx])
		var used types.Object
		if sel, ok := arg.(*ast.SelectorExpr); ok {
			used = info.Uses[sel.Sel]
		}
		if !sink.InfallibleExpr(info.TypeOf(arg), used) {
			return false
		}
	}
	return true
}

// internalPath reports whether path has an internal element: its packages
// are imported only from within the tree rooted at internal's parent.
func internalPath(path string) bool {
	return path == "internal" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal")
}

// storedOnce returns, for a load of a local variable that is stored once
// (buf := bufio.NewWriter(w), kept in memory as a closure reads it), the
// value stored; otherwise v itself.
func storedOnce(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || alloc.Heap && alloc.Parent() != load.Parent() {
		return v
	}
	if stored := storedInto(alloc); stored != nil {
		return stored
	}
	return v
}

// storedInto returns the one value ever stored in the local variable
// alloc, or nil when it is stored more than once, assigned by a closure
// that captures it, or its address goes elsewhere.
func storedInto(alloc *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	for _, r := range *alloc.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != alloc || stored != nil {
				return nil
			}
			stored = r.Val
		case *ssa.UnOp, *ssa.DebugRef:
		case *ssa.MakeClosure:
			if !onlyLoaded(r, alloc) {
				return nil
			}
		default:
			return nil // passed on: other stores unseen
		}
	}
	return stored
}

// onlyLoaded reports whether the closure mc only reads the variable alloc
// it captures.
func onlyLoaded(mc *ssa.MakeClosure, alloc *ssa.Alloc) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return false
	}
	for i, b := range mc.Bindings {
		if b != alloc {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			if u, ok := r.(*ssa.UnOp); !ok || u.Op != token.MUL {
				if _, ok := r.(*ssa.DebugRef); !ok {
					return false
				}
			}
		}
	}
	return true
}

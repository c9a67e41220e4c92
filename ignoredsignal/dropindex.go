package ignoredsignal

import (
	"go/ast"
	"go/token"
	"go/types"
)

// chanIndex holds what oneSlotField and oneShotField ask of the package's
// syntax about the channel held in a field or variable, found in one walk
// of the package (the first time either is asked) instead of one walk per
// candidate send: on a large package those walks were a fifth of the
// analysis.
type chanIndex struct {
	makes   map[types.Object]int            // make(...) calls stored in the object (a composite literal's key, an assignment)
	ones    map[types.Object]int            // of those, make(chan T, 1)
	aliases map[types.Object][]types.Object // variables assigned the object: identify := c.identify
	recvs   map[types.Object][]recvSite     // receives from the object (by chanObject)
}

// recvSite is one receive from a channel: a range over it, a receive
// expression, or a select case v := <-ch (clause set).
type recvSite struct {
	clause *caseRecv // the select case this is, or nil
	within *caseRecv // the innermost select case v := <-ch around it, or nil
}

// caseRecv is a select case whose communication assigns a receive:
// case v := <-ch, case v = <-ch.
type caseRecv struct {
	key     types.Object // the channel received from (chanObject)
	returns bool         // its body ends with a return
	setsNil bool         // its body sets the channel to nil (ch = nil)
	outer   *caseRecv    // the case around it, or nil
}

func (c *checker) chanIdx() *chanIndex {
	if c.chans != nil {
		return c.chans
	}
	info := c.pass.TypesInfo
	x := &chanIndex{
		makes:   make(map[types.Object]int),
		ones:    make(map[types.Object]int),
		aliases: make(map[types.Object][]types.Object),
		recvs:   make(map[types.Object][]recvSite),
	}
	c.chans = x
	var cur *caseRecv // the innermost receiving case around the node
	opened := make(map[*ast.CommClause]bool)
	made := func(obj types.Object, val ast.Expr) {
		if obj == nil {
			return
		}
		if call, ok := ast.Unparen(val).(*ast.CallExpr); ok && isBuiltinMake(info, call) {
			x.makes[obj]++
			if isMakeChanOne(info, call) {
				x.ones[obj]++
			}
		}
	}
	filter := []ast.Node{(*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil), (*ast.RangeStmt)(nil), (*ast.CommClause)(nil), (*ast.UnaryExpr)(nil)}
	c.ins.Nodes(filter, func(n ast.Node, push bool) bool {
		if !push {
			if cc, ok := n.(*ast.CommClause); ok && opened[cc] {
				cur = cur.outer
			}
			return true
		}
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				made(info.Uses[id], n.Value)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				made(c.chanObject(n.Lhs[0]), n.Rhs[0])
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i, r := range n.Rhs {
					if src := c.chanObject(r); src != nil {
						if id, ok := n.Lhs[i].(*ast.Ident); ok && info.ObjectOf(id) != nil {
							x.aliases[src] = append(x.aliases[src], info.ObjectOf(id))
						}
					}
				}
			}
		case *ast.RangeStmt:
			if obj := c.chanObject(n.X); obj != nil {
				x.recvs[obj] = append(x.recvs[obj], recvSite{within: cur})
			}
		case *ast.CommClause:
			as, ok := n.Comm.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				return true
			}
			recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
			if !ok || recv.Op != token.ARROW {
				return true
			}
			key := c.chanObject(recv.X)
			if key == nil {
				return true
			}
			cr := &caseRecv{key: key, outer: cur}
			if len(n.Body) > 0 {
				_, cr.returns = n.Body[len(n.Body)-1].(*ast.ReturnStmt)
			}
			for _, st := range n.Body {
				if set, ok := st.(*ast.AssignStmt); ok && len(set.Lhs) == 1 && len(set.Rhs) == 1 && c.chanObject(set.Lhs[0]) == key {
					if id, ok := ast.Unparen(set.Rhs[0]).(*ast.Ident); ok && id.Name == "nil" {
						cr.setsNil = true
						break
					}
				}
			}
			x.recvs[key] = append(x.recvs[key], recvSite{clause: cr, within: cur})
			opened[n] = true
			cur = cr
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				return true
			}
			if obj := c.chanObject(n.X); obj != nil {
				x.recvs[obj] = append(x.recvs[obj], recvSite{within: cur})
			}
		}
		return true
	})
	return x
}

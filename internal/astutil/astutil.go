// Package astutil holds the syntax helpers that more than one analyzer
// of bplint (and the prefilter, which must see candidates as they do)
// asks the same question with.
package astutil

import (
	"go/ast"
	"go/types"
	"slices"
)

// IsBuiltin reports whether fun, a call's function, names the builtin
// function name (make, len, append, close).
func IsBuiltin(info *types.Info, fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// StmtList returns the statement list of a block, a case clause or a comm
// clause, and nil for any other node.
func StmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// EnclosingList returns the statement list that holds the innermost
// statement of stack (a path from the file down to a node), and that
// statement's index in it; nil and -1 when there is none.
func EnclosingList(stack []ast.Node) ([]ast.Stmt, int) {
	for i := len(stack) - 1; i >= 1; i-- {
		list := StmtList(stack[i-1])
		if j := slices.IndexFunc(list, func(s ast.Stmt) bool { return ast.Node(s) == stack[i] }); j >= 0 {
			return list, j
		}
	}
	return nil, -1
}

// InLoop reports whether the top of stack is inside a for or range
// statement of its own function.
func InLoop(stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

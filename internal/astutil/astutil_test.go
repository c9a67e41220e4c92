package astutil

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stackTo returns the path from the file to the first node that match
// accepts.
func stackTo(t *testing.T, src string, match func(ast.Node) bool) []ast.Node {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	require.NoError(t, err)
	var stack, found []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if match(n) {
			found = append([]ast.Node(nil), stack...)
		}
		return true
	})
	require.NotNil(t, found)
	return found
}

const src = `package p

func f(ch chan int) {
	x := 1
	select {
	case v := <-ch:
		_ = v
		go g()
	default:
	}
	for range ch {
		go g()
	}
	go func() { go g() }()
}

func g() {}
`

func isGo(n ast.Node) bool { _, ok := n.(*ast.GoStmt); return ok }

func TestEnclosingListInCommClause(t *testing.T) {
	stack := stackTo(t, src, isGo)
	list, idx := EnclosingList(stack)
	assert.Len(t, list, 2)
	assert.Equal(t, 1, idx)
	assert.False(t, InLoop(stack))
}

func TestEnclosingListOfAnExpression(t *testing.T) {
	// The innermost statement holding x's identifier is the assignment,
	// first in the function's body.
	stack := stackTo(t, src, func(n ast.Node) bool { id, ok := n.(*ast.Ident); return ok && id.Name == "x" })
	list, idx := EnclosingList(stack)
	assert.Len(t, list, 4)
	assert.Equal(t, 0, idx)
	assert.Nil(t, StmtList(stack[len(stack)-1]))
}

// nthGo matches the n-th go statement of the source (from 1).
func nthGo(n int) func(ast.Node) bool {
	seen := 0
	return func(x ast.Node) bool {
		if isGo(x) {
			seen++
			return seen == n
		}
		return false
	}
}

func TestInLoopStopsAtTheFunction(t *testing.T) {
	assert.False(t, InLoop(stackTo(t, src, nthGo(1))), "in a select case, not a loop")
	assert.True(t, InLoop(stackTo(t, src, nthGo(2))), "in the range")
	assert.False(t, InLoop(stackTo(t, src, nthGo(3))), "outside the loop")
	// The fourth is in a function literal: its own function has no loop.
	assert.False(t, InLoop(stackTo(t, src, nthGo(4))))
}

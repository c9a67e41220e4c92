// Package fix answers "how is an ignored error fixed mechanically?": by
// checking it and returning it from the enclosing function.
package fix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ReturnError returns the "return the error" fix for stmt, an expression
// statement calling a function whose result errIndex of nresults is an
// error, inside a function of type sig (whose last result is an error).
// It turns
//
//	w.Write(b)
//
// into
//
//	if _, err := w.Write(b); err != nil {
//		return 0, err
//	}
//
// keeping the call's own text (and comments) as written. It returns false
// when a zero value of a result type cannot be spelled in file.
func ReturnError(fset *token.FileSet, file *ast.File, pkg *types.Package, stmt *ast.ExprStmt, errIndex, nresults int, sig *types.Signature) (analysis.SuggestedFix, bool) {
	res := sig.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return analysis.SuggestedFix{}, false
	}
	qual, ok := qualifier(file, pkg)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	var zeros []string
	for i := 0; i < res.Len()-1; i++ {
		z, ok := zero(res.At(i).Type(), qual)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		zeros = append(zeros, z)
	}
	lhs := make([]string, nresults)
	for i := range lhs {
		lhs[i] = "_"
	}
	lhs[errIndex] = "err"
	indent := strings.Repeat("\t", max(fset.Position(stmt.Pos()).Column-1, 0))
	ret := strings.Join(append(zeros, "err"), ", ")
	return analysis.SuggestedFix{
		Message: "return the error",
		TextEdits: []analysis.TextEdit{
			{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte("if " + strings.Join(lhs, ", ") + " := ")},
			{Pos: stmt.End(), End: stmt.End(), NewText: []byte(fmt.Sprintf("; err != nil {\n%s\treturn %s\n%s}", indent, ret, indent))},
		},
	}, true
}

// qualifier names packages as file imports them. ok is false if the file
// dot-imports anything (names would be ambiguous).
func qualifier(file *ast.File, pkg *types.Package) (func(*types.Package) (string, bool), bool) {
	names := make(map[string]string)
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, false
		}
		if imp.Name != nil {
			if imp.Name.Name == "." {
				return nil, false
			}
			names[path] = imp.Name.Name
			continue
		}
		names[path] = ""
	}
	return func(p *types.Package) (string, bool) {
		if p == pkg {
			return "", true
		}
		n, ok := names[p.Path()]
		if !ok {
			return "", false
		}
		if n == "" {
			n = p.Name()
		}
		return n, true
	}, true
}

// zero spells the zero value of t, or reports false.
func zero(t types.Type, qual func(*types.Package) (string, bool)) (string, bool) {
	ok := true
	typeString := func(t types.Type) string {
		return types.TypeString(t, func(p *types.Package) string {
			n, found := qual(p)
			if !found {
				ok = false
			}
			return n
		})
	}
	var s string
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			s = "false"
		case u.Info()&types.IsString != 0:
			s = `""`
		case u.Info()&types.IsNumeric != 0:
			s = "0"
		case u.Kind() == types.UnsafePointer:
			s = "nil"
		default:
			return "", false
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
			s = "*new(" + typeString(t) + ")"
		} else {
			s = "nil"
		}
	case *types.Struct, *types.Array:
		if _, isNamed := types.Unalias(t).(*types.Named); !isNamed {
			return "", false // an unnamed composite type: too long to spell
		}
		s = typeString(t) + "{}"
	default:
		return "", false
	}
	return s, ok
}

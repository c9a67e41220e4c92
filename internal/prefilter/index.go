package prefilter

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
)

// index returns the index of a package the scan found without facts, from
// its syntax (Facts are left to the caller).
func (s *scan) index(path string, files []*ast.File, reach map[string]bool) *Index {
	x := &Index{Reach: sortedKeys(reach)}
	if len(files) > 0 {
		x.Name = files[0].Name.Name
	}
	for v := range s.pkgVars {
		if token.IsExported(v) {
			x.Vars = append(x.Vars, v)
		}
	}
	slices.Sort(x.Vars)
	for name, t := range s.types {
		if token.IsExported(name) && s.mayBeFunc(t, map[string]bool{name: true}) {
			x.FuncTypes = append(x.FuncTypes, name)
		}
	}
	slices.Sort(x.FuncTypes)
	fields := maps.Clone(s.exportedFields)
	for _, imp := range s.imports {
		if imp.Index == nil {
			continue // unsafe, C
		}
		for _, f := range imp.Index.FuncFields {
			fields[f] = true
		}
	}
	x.FuncFields = sortedKeys(fields)
	return x
}

// TypesIndex returns the index of a type-checked package (Facts are left
// to the caller), whose direct imports' indexes are given (nil for an
// import without one).
func TypesIndex(pkg *types.Package, info *types.Info, imports []*Index) *Index {
	x := &Index{Name: pkg.Name()}
	reach := make(map[string]bool)
	if _, ok := signalPackages[pkg.Path()]; ok {
		reach[pkg.Path()] = true
	}
	fields := make(map[string]bool)
	for _, imp := range imports {
		if imp == nil {
			continue
		}
		for _, p := range imp.Reach {
			reach[p] = true
		}
		for _, f := range imp.FuncFields {
			fields[f] = true
		}
	}
	x.Reach = sortedKeys(reach)
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if !token.IsExported(name) {
			continue
		}
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			x.Vars = append(x.Vars, name)
		case *types.TypeName:
			if funcType(obj.Type()) {
				x.FuncTypes = append(x.FuncTypes, name)
			}
		}
	}
	for _, obj := range info.Defs {
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Exported() && funcType(v.Type()) {
			fields[v.Name()] = true
		}
	}
	x.FuncFields = sortedKeys(fields)
	return x
}

// funcType reports whether t may be a function type: its underlying type
// is one, or it is a type parameter.
func funcType(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

func sortedKeys(m map[string]bool) []string {
	return slices.Sorted(maps.Keys(m))
}

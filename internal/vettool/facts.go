// Copyright 2018 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This file is x/tools' internal/facts (golang.org/x/tools v0.52.0,
// internal/facts/facts.go and imports.go), which an importer outside
// x/tools cannot use, copied with two changes: Encode also returns the
// name of each fact's object (for the vetx index, see vetx.go), and
// reexport encodes the facts a package passes on from its imports without
// type information. The encoding is the same, so a vetx file written here
// is read by x/tools' unitchecker and the other way round.

package vettool

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"io"
	"log"
	"reflect"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/bplint/bplint/internal/prefilter"
)

// A factSet is a set of analysis.Facts (x/tools' facts.Set).
type factSet struct {
	pkg *types.Package
	mu  sync.Mutex
	m   map[factKey]analysis.Fact
}

type factKey struct {
	pkg *types.Package
	obj types.Object // (object facts only)
	t   reflect.Type
}

func (s *factSet) ImportObjectFact(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	key := factKey{pkg: obj.Pkg(), obj: obj, t: reflect.TypeOf(ptr)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[key]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (s *factSet) ExportObjectFact(obj types.Object, fact analysis.Fact) {
	if obj.Pkg() != s.pkg {
		log.Panicf("in package %s: ExportObjectFact(%s, %T): can't set fact on object belonging another package",
			s.pkg, obj, fact)
	}
	key := factKey{pkg: obj.Pkg(), obj: obj, t: reflect.TypeOf(fact)}
	s.mu.Lock()
	s.m[key] = fact // clobber any existing entry
	s.mu.Unlock()
}

func (s *factSet) AllObjectFacts(filter map[reflect.Type]bool) []analysis.ObjectFact {
	var facts []analysis.ObjectFact
	s.mu.Lock()
	for k, v := range s.m {
		if k.obj != nil && filter[k.t] {
			facts = append(facts, analysis.ObjectFact{Object: k.obj, Fact: v})
		}
	}
	s.mu.Unlock()
	return facts
}

func (s *factSet) ImportPackageFact(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	key := factKey{pkg: pkg, t: reflect.TypeOf(ptr)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.m[key]; ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
		return true
	}
	return false
}

func (s *factSet) ExportPackageFact(fact analysis.Fact) {
	key := factKey{pkg: s.pkg, t: reflect.TypeOf(fact)}
	s.mu.Lock()
	s.m[key] = fact // clobber any existing entry
	s.mu.Unlock()
}

func (s *factSet) AllPackageFacts(filter map[reflect.Type]bool) []analysis.PackageFact {
	var facts []analysis.PackageFact
	s.mu.Lock()
	for k, v := range s.m {
		if k.obj == nil && filter[k.t] {
			facts = append(facts, analysis.PackageFact{Package: k.pkg, Fact: v})
		}
	}
	s.mu.Unlock()
	return facts
}

// gobFact is the Gob declaration of a serialized fact.
type gobFact struct {
	PkgPath string          // path of package
	Object  objectpath.Path // optional path of object relative to package itself
	Fact    analysis.Fact   // type and value of user-defined Fact
}

// decodeFacts decodes the facts of the direct imports of pkg: read
// returns the serialized facts of an import, by package path (the empty
// slice is the empty set). Facts about packages or objects that pkg's
// imports do not reach are dropped, as x/tools does.
func decodeFacts(pkg *types.Package, read func(pkgPath string) ([]byte, error)) (*factSet, error) {
	packages := importMap(pkg.Imports())
	m := make(map[factKey]analysis.Fact) // one big bucket
	for _, imp := range pkg.Imports() {
		data, err := read(imp.Path())
		if err != nil {
			return nil, fmt.Errorf("in %s, can't import facts for package %q: %v",
				pkg.Path(), imp.Path(), err)
		}
		if len(data) == 0 {
			continue // no facts
		}
		var gobFacts []gobFact
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&gobFacts); err != nil {
			return nil, fmt.Errorf("decoding facts for %q: %v", imp.Path(), err)
		}
		for _, f := range gobFacts {
			factPkg := packages[f.PkgPath] // possibly an indirect dependency
			if factPkg == nil {
				continue // a dependency unused in this translation unit
			}
			key := factKey{pkg: factPkg, t: reflect.TypeOf(f.Fact)}
			if f.Object != "" {
				obj, err := objectpath.Object(factPkg, f.Object)
				if err != nil {
					continue // most likely due to unexported object
				}
				key.obj = obj
			}
			m[key] = f.Fact
		}
	}
	return &factSet{pkg: pkg, m: m}, nil
}

// encode encodes the set as x/tools' facts.Set.Encode does, and returns
// with it the name of each fact's object ("" for a package fact) and the
// fact's type, in the order of the encoding.
func (s *factSet) encode() ([]byte, []prefilter.Fact) {
	encoder := new(objectpath.Encoder)
	var gobFacts []gobFact
	names := make(map[gobFact]string)
	s.mu.Lock()
	for k, fact := range s.m {
		// Don't export facts that we imported from another package,
		// unless they represent fields or methods, or package-level
		// types. (Facts about packages, and other package-level
		// objects, are only obtained from direct imports so they
		// needn't be reexported.)
		if k.pkg != s.pkg {
			if k.obj == nil {
				continue // imported package fact
			}
			if _, isType := k.obj.(*types.TypeName); !isType &&
				k.obj.Parent() == k.obj.Pkg().Scope() {
				continue // imported fact about package-level non-type object
			}
		}
		var object objectpath.Path
		name := ""
		if k.obj != nil {
			path, err := encoder.For(k.obj)
			if err != nil {
				continue // object not accessible from package API; discard fact
			}
			object = path
			name = k.obj.Name()
		}
		gf := gobFact{PkgPath: k.pkg.Path(), Object: object, Fact: fact}
		gobFacts = append(gobFacts, gf)
		names[gf] = name
	}
	s.mu.Unlock()
	sortFacts(gobFacts)
	out := make([]prefilter.Fact, len(gobFacts))
	for i, gf := range gobFacts {
		out[i] = prefilter.Fact{Name: names[gf], Type: reflect.TypeOf(gf.Fact).String()}
	}
	return gobEncode(gobFacts), out
}

// sortFacts sorts facts by (package, object, type) for determinism.
func sortFacts(gobFacts []gobFact) {
	sort.Slice(gobFacts, func(i, j int) bool {
		x, y := gobFacts[i], gobFacts[j]
		if x.PkgPath != y.PkgPath {
			return x.PkgPath < y.PkgPath
		}
		if x.Object != y.Object {
			return x.Object < y.Object
		}
		tx := reflect.TypeOf(x.Fact)
		ty := reflect.TypeOf(y.Fact)
		if tx != ty {
			return tx.String() < ty.String()
		}
		return false // equal
	})
}

func gobEncode(gobFacts []gobFact) []byte {
	var buf bytes.Buffer
	if len(gobFacts) > 0 {
		if err := gob.NewEncoder(&buf).Encode(gobFacts); err != nil {
			// Fact encoding should never fail. Identify the culprit.
			for _, gf := range gobFacts {
				if err := gob.NewEncoder(io.Discard).Encode(gf); err != nil {
					fact := gf.Fact
					pkgpath := reflect.TypeOf(fact).Elem().PkgPath()
					log.Panicf("internal error: gob encoding of analysis fact %s failed: %v; please report a bug against fact %T in package %q",
						fact, err, fact, pkgpath)
				}
			}
		}
	}
	return buf.Bytes()
}

// A reexported fact is one of an import's facts as a package without
// facts of its own passes it on, with the name of its object.
type reexported struct {
	fact gobFact
	name prefilter.Fact
}

// reexport returns what encode would write for a package that exports no
// fact of its own, from its imports' encoded facts and their objects'
// names, without type information: every fact about a method, a field or
// a type (an object path longer than a name; no fact of bplint's is about
// a type name), none about a package or a package-level object. It may
// keep a fact that encode would drop because its object is out of the
// package's reach; an importer drops those in turn when it decodes them,
// and can reach no object that the package cannot (its view of another
// package comes through export data that names only what the package's
// own API refers to).
func reexport(imports [][]byte, names [][]prefilter.Fact) ([]byte, []prefilter.Fact, error) {
	seen := make(map[string]bool)
	var out []reexported
	for i, data := range imports {
		if len(data) == 0 {
			continue
		}
		var gobFacts []gobFact
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&gobFacts); err != nil {
			return nil, nil, fmt.Errorf("decoding facts: %v", err)
		}
		if len(gobFacts) != len(names[i]) {
			return nil, nil, fmt.Errorf("decoding facts: %d facts, %d names", len(gobFacts), len(names[i]))
		}
		for j, f := range gobFacts {
			if !strings.Contains(string(f.Object), ".") {
				continue // a package fact or a package-level object
			}
			key := f.PkgPath + "\x00" + string(f.Object) + "\x00" + reflect.TypeOf(f.Fact).String()
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, reexported{f, names[i][j]})
		}
	}
	gobFacts := make([]gobFact, len(out))
	byFact := make(map[string]prefilter.Fact, len(out))
	for i, r := range out {
		gobFacts[i] = r.fact
		byFact[r.fact.PkgPath+"\x00"+string(r.fact.Object)+"\x00"+reflect.TypeOf(r.fact.Fact).String()] = r.name
	}
	sortFacts(gobFacts)
	outNames := make([]prefilter.Fact, len(gobFacts))
	for i, f := range gobFacts {
		outNames[i] = byFact[f.PkgPath+"\x00"+string(f.Object)+"\x00"+reflect.TypeOf(f.Fact).String()]
	}
	return gobEncode(gobFacts), outNames, nil
}

// importMap computes the import map for a package by traversing the
// entire exported API each of its imports.
//
// This is a workaround for the fact that we cannot access the map used
// internally by the types.Importer returned by go/importer. The entries
// in this map are the packages and objects that may be relevant to the
// current analysis unit.
//
// Packages in the map that are only indirectly imported may be
// incomplete (!pkg.Complete()).
func importMap(imports []*types.Package) map[string]*types.Package {
	objects := make(map[types.Object]bool)
	typs := make(map[types.Type]bool) // Named and TypeParam
	packages := make(map[string]*types.Package)

	var addObj func(obj types.Object)
	var addType func(T types.Type)

	addObj = func(obj types.Object) {
		if !objects[obj] {
			objects[obj] = true
			addType(obj.Type())
			if pkg := obj.Pkg(); pkg != nil {
				packages[pkg.Path()] = pkg
			}
		}
	}

	addType = func(T types.Type) {
		switch T := T.(type) {
		case *types.Basic:
			// nop
		case namedOrAlias: // *types.{Named,Alias}
			// Add the type arguments if this is an instance.
			if targs := T.TypeArgs(); targs.Len() > 0 {
				for t := range targs.Types() {
					addType(t)
				}
			}

			// Remove infinite expansions of *types.Named by always
			// looking at the origin. Some named types with type
			// parameters [e.g. type A[T any] *A[*T]] can infinitely
			// expand to A[*...*T] when looked at via Underlying().
			T = origin(T)
			if !typs[T] {
				typs[T] = true

				// common aspects
				addObj(T.Obj())
				if tparams := T.TypeParams(); tparams.Len() > 0 {
					for tparam := range tparams.TypeParams() {
						addType(tparam)
					}
				}

				// variant aspects
				switch T := T.(type) {
				case *types.Alias:
					addType(T.Rhs())
				case *types.Named:
					addType(T.Underlying())
					for method := range T.Methods() {
						addObj(method)
					}
				}
			}
		case *types.Pointer:
			addType(T.Elem())
		case *types.Slice:
			addType(T.Elem())
		case *types.Array:
			addType(T.Elem())
		case *types.Chan:
			addType(T.Elem())
		case *types.Map:
			addType(T.Key())
			addType(T.Elem())
		case *types.Signature:
			addType(T.Params())
			addType(T.Results())
			if tparams := T.TypeParams(); tparams != nil {
				for tparam := range tparams.TypeParams() {
					addType(tparam)
				}
			}
		case *types.Struct:
			for field := range T.Fields() {
				addObj(field)
			}
		case *types.Tuple:
			for v := range T.Variables() {
				addObj(v)
			}
		case *types.Interface:
			for method := range T.Methods() {
				addObj(method)
			}
			for etyp := range T.EmbeddedTypes() {
				addType(etyp) // walk Embedded for implicits
			}
		case *types.Union:
			for term := range T.Terms() {
				addType(term.Type())
			}
		case *types.TypeParam:
			if !typs[T] {
				typs[T] = true
				addObj(T.Obj())
				addType(T.Constraint())
			}
		}
	}

	for _, imp := range imports {
		packages[imp.Path()] = imp

		scope := imp.Scope()
		for _, name := range scope.Names() {
			addObj(scope.Lookup(name))
		}
	}

	return packages
}

type namedOrAlias interface {
	types.Type
	Obj() *types.TypeName
	TypeArgs() *types.TypeList
	TypeParams() *types.TypeParamList
}

func origin(t namedOrAlias) namedOrAlias {
	switch t := t.(type) {
	case *types.Alias:
		return t.Origin()
	case *types.Named:
		return t.Origin()
	}
	return t
}

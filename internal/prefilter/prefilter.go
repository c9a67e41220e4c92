// Package prefilter answers, from a package's syntax alone and what its
// imports' vetx files say, "can this package have a fact?": when the
// answer is no, the vet tool writes the package's facts (none of its own,
// and what it passes on from its imports) without type-checking or
// analyzing it.
//
// The answer must never be a wrong no. It is a conservative mirror of the
// places each fact of bplint's analyzers comes from:
//
//   - ctrlflow's no-return facts (which every analyzer's SSA form uses): a
//     function none of whose paths returns. The package's functions are
//     built into control-flow graphs (go/cfg, as ctrlflow does) with every
//     call that may not return treated as such: a call of panic, or of any
//     function or method named as an imported one with a no-return fact.
//     (A function that does not return only through others of its package
//     makes a package with one that does not return through these alone.)
//   - internal/summary's facts (spawns, callbacks per item, also stored
//     into a per-item field, send-only functions, interface methods,
//     per-item fields, returned spawning handlers) and unboundedqueue's
//     spawner fact, which restates them: they exist only when summary's
//     candidates do, a go statement, a send, a call of a group's Go or
//     TryGo, a call of an imported function with a fact, or a call of a
//     func-typed variable, parameter or field inside a loop.
//   - ignoredsignal's signal facts: a //bplint:signal marker, or a
//     reference to a signal (the built-in table, the Try*/Offer naming
//     convention, the signals option, an imported fact) that a function may
//     wrap.
//   - internal/blocked's facts (functions that only send on a channel
//     parameter, functions returning a channel with senders pending): a
//     send, a go statement or a group's Go, or a call of an imported
//     function with a fact.
//
// Without types, a name stands for every object of that name: a reference
// to an imported function with a fact is any identifier or selector with
// its name. A call's callee may be a variable unless the name is declared
// nowhere in the enclosing function and is a package-level function, type
// or builtin, or (for x.f) f is a field that cannot have a func type and x
// cannot name an import whose package declares a variable f. The vetx
// index (Index) carries, from each import, the names the scan needs.
//
// Analyzers whose fact types this package does not know turn the skip off
// (Known): a new fact needs its sources listed here first.
package prefilter

import (
	"bytes"
	"go/ast"
	"go/token"
	"maps"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"

	"github.com/bplint/bplint/internal/astutil"
)

// Index is what a package's vetx file tells the scans of its importers.
type Index struct {
	// Name is the package's name (what an import of it is called by
	// default).
	Name string `json:"name"`
	// Facts is, for each fact of the vetx file in order, the name of its
	// object and the fact's type (reflect.Type.String()).
	Facts []Fact `json:"facts,omitempty"`
	// Vars are the exported package-level variables of the package.
	Vars []string `json:"vars,omitempty"`
	// FuncTypes are the exported type names of the package whose type may
	// be a function type.
	FuncTypes []string `json:"functypes,omitempty"`
	// FuncFields are the exported struct fields, of the package and its
	// dependencies, whose type may be a function type.
	FuncFields []string `json:"funcfields,omitempty"`
	// Reach are the packages of signalPackages that the package is or
	// depends on.
	Reach []string `json:"reach,omitempty"`
}

// A Fact is one fact of a vetx file: its object's name and its type.
type Fact struct {
	Name string `json:"n"`
	Type string `json:"t"`
}

// noReturnType is the type of ctrlflow's fact (unexported there).
const noReturnType = "*ctrlflow.noReturn"

// A Family is a set of fact types that come from the same sources.
type Family uint8

const (
	// NoReturn is ctrlflow's no-return fact.
	NoReturn Family = 1 << iota
	// Summary is internal/summary's facts and unboundedqueue's spawner.
	Summary
	// Signal is ignoredsignal's signal fact.
	Signal
	// Blocked is internal/blocked's facts.
	Blocked
)

// factTypes are the fact types whose sources the scan knows, by
// reflect.Type.String(), with their families.
var factTypes = map[string]Family{
	noReturnType:                  NoReturn,
	"*summary.Fact":               Summary,
	"*summary.FieldFact":          Summary,
	"*unboundedqueue.spawnerFact": Summary,
	"*ignoredsignal.signalFact":   Signal,
	"*blocked.SendsFact":          Blocked,
	"*blocked.PendingFact":        Blocked,
}

// FactTypes returns the fact types whose sources the scan knows, by
// reflect.Type.String().
func FactTypes() map[string]Family { return maps.Clone(factTypes) }

// InPlay returns the families of the fact types of the analyzers (and of
// those they require), and whether the scan knows them all; if not, the
// vet tool must not skip any package.
func InPlay(analyzers []*analysis.Analyzer) (Family, bool) {
	var fams Family
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(as []*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			for _, f := range a.FactTypes {
				fam, ok := factTypes[reflect.TypeOf(f).String()]
				if !ok {
					return false
				}
				fams |= fam
			}
			if !visit(a.Requires) {
				return false
			}
		}
		return true
	}
	ok := visit(analyzers)
	return fams, ok
}

// intrinsic are the packages in which ctrlflow knows functions that do not
// return (or do) without looking at their bodies.
var intrinsic = map[string]bool{
	"syscall":                    true,
	"runtime":                    true,
	"internal/abi":               true,
	"hash/maphash":               true,
	"go.uber.org/zap":            true,
	"github.com/sirupsen/logrus": true,
	"k8s.io/klog":                true,
	"k8s.io/klog/v2":             true,
}

// signalPackages are the packages of internal/signal's table of library
// signals, with the names of their signals; a reference to one of those
// names can be to a signal only in a package that depends on its package.
var signalPackages = map[string][]string{
	"golang.org/x/sync/semaphore": {"TryAcquire", "Acquire"},
	"golang.org/x/sync/errgroup":  {"TryGo"},
	"golang.org/x/time/rate":      {"Allow", "AllowN", "Wait", "WaitN"},
	"sync":                        {"TryLock", "TryRLock"},
}

// conventionNames are internal/signal's naming convention for signals: a
// reference to one of these names may be to a signal in any package.
var conventionNames = []string{
	"TrySend", "TryPush", "TryPut", "TryEnqueue", "TryPublish", "TryWrite", "TryAdd", "Offer", "TryAcquire",
}

// goNames are the methods that start a function on a new goroutine
// (summary's and blocked's groupGo): a spawn without a go statement.
var goNames = []string{"Go", "TryGo"}

// Import is one direct import of the package being scanned.
type Import struct {
	Path  string // package path
	Index *Index // nil if its vetx file has no index
}

// Options say which facts are in play and the analyzers' settings that
// create facts.
type Options struct {
	// Families are the families of the facts in play (InPlay).
	Families Family
	// Signals are the functions of ignoredsignal's signals option.
	Signals []string
}

// Decision is the scan's answer, with the reason when a package may have
// facts.
type Decision struct {
	Skip   bool
	Reason string
}

// Scan decides whether the package path, with the files (parsed with
// comments, and their contents) and the direct imports given (every import
// of the files, mapped to package paths by importMap), can have a fact of
// its own. When it cannot, Scan also returns the package's index but for
// its Facts, which are those the package passes on from its imports.
func Scan(path string, files []*ast.File, src [][]byte, importMap map[string]string, imports map[string]Import, opts Options) (Decision, *Index) {
	in := func(f Family) bool { return opts.Families&f != 0 }
	if in(NoReturn) && intrinsic[path] {
		return Decision{Reason: "ctrlflow knows functions of the package by name"}, nil
	}
	if in(Signal) {
		for _, s := range src {
			if bytes.Contains(s, []byte("bplint:signal")) {
				return Decision{Reason: "a //bplint:signal marker"}, nil
			}
		}
	}
	s := &scan{
		fams:           opts.Families,
		importMap:      importMap,
		imports:        imports,
		names:          make(map[string]bool),
		noReturn:       make(map[string]bool),
		fields:         make(map[string]bool),
		exportedFields: make(map[string]bool),
		pkgVars:        make(map[string]bool),
		types:          make(map[string]ast.Expr),
	}
	if in(Signal) {
		for _, n := range conventionNames {
			s.names[n] = true
		}
		for _, sig := range opts.Signals {
			s.names[lastName(sig)] = true
		}
	}
	if in(Summary | Blocked) {
		for _, n := range goNames {
			s.names[n] = true
		}
	}
	reach := make(map[string]bool)
	if _, ok := signalPackages[path]; ok {
		reach[path] = true
	}
	for _, imp := range imports {
		if imp.Index == nil {
			if imp.Path == "unsafe" || imp.Path == "C" {
				continue
			}
			return Decision{Reason: "the vetx file of " + imp.Path + " has no index"}, nil
		}
		for _, f := range imp.Index.Facts {
			if !token.IsExported(f.Name) {
				continue // out of reach of an importer
			}
			switch fam := factTypes[f.Type]; {
			case fam == NoReturn && in(NoReturn):
				s.noReturn[f.Name] = true
			case fam == 0 || in(fam):
				s.names[f.Name] = true // a fact of unknown type: any reference may use it
			}
		}
		for _, f := range imp.Index.FuncFields {
			s.fields[f] = true
		}
		for _, p := range imp.Index.Reach {
			reach[p] = true
		}
	}
	if in(Signal) {
		for p := range reach {
			for _, n := range signalPackages[p] {
				s.names[n] = true
			}
		}
	}
	s.declare(files)
	if opts.Families != 0 {
		for _, f := range files {
			if r := s.file(f); r != "" {
				return Decision{Reason: r}, nil
			}
		}
	}
	if in(NoReturn) {
		if r := s.mayNotReturn(files); r != "" {
			return Decision{Reason: r}, nil
		}
	}
	return Decision{Skip: true}, s.index(path, files, reach)
}

// lastName returns the function or method name of an entry of the signals
// option ("pkg/path.Func", "(*pkg/path.Type).Method").
func lastName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

type scan struct {
	fams      Family
	importMap map[string]string
	imports   map[string]Import

	names    map[string]bool // references that may be to a fact's source
	noReturn map[string]bool // imported functions and methods that may not return
	fields   map[string]bool // struct fields that may have a func type
	// exportedFields are the package's own exported fields among them.
	exportedFields map[string]bool
	pkgVars        map[string]bool     // the package's package-level variables
	types          map[string]ast.Expr // the package's type declarations
	dotVars        map[string]bool     // the variables of dot-imported packages
}

// declare records the package-level declarations of the files.
func (s *scan) declare(files []*ast.File) {
	s.dotVars = make(map[string]bool)
	for _, f := range files {
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "." {
				if imp, ok := s.importOf(spec); ok && imp.Index != nil {
					for _, v := range imp.Index.Vars {
						s.dotVars[v] = true
					}
				}
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						if d.Tok == token.VAR {
							for _, n := range spec.Names {
								s.pkgVars[n.Name] = true
							}
						}
					case *ast.TypeSpec:
						s.types[spec.Name.Name] = spec.Type
					}
				}
			}
		}
	}
	// Struct fields anywhere in the package that may have a func type.
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if st, ok := n.(*ast.StructType); ok {
				for _, fld := range st.Fields.List {
					if !s.mayBeFunc(fld.Type, nil) {
						continue
					}
					names := make([]string, 0, len(fld.Names))
					for _, n := range fld.Names {
						names = append(names, n.Name)
					}
					if len(fld.Names) == 0 { // embedded: a field named by its type
						if n := embeddedName(fld.Type); n != "" {
							names = append(names, n)
						}
					}
					for _, n := range names {
						s.fields[n] = true
						if token.IsExported(n) {
							s.exportedFields[n] = true
						}
					}
				}
			}
			return true
		})
	}
}

func embeddedName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return embeddedName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		return embeddedName(e.X)
	case *ast.IndexListExpr:
		return embeddedName(e.X)
	}
	return ""
}

// importOf returns the import of spec.
func (s *scan) importOf(spec *ast.ImportSpec) (Import, bool) {
	p := strings.Trim(spec.Path.Value, "`\"")
	if mapped, ok := s.importMap[p]; ok {
		p = mapped
	}
	imp, ok := s.imports[p]
	return imp, ok
}

// predeclared types, which are never func types.
var predeclared = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true, "error": true,
	"float32": true, "float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true, "uint16": true,
	"uint32": true, "uint64": true, "uintptr": true, "any": true, "comparable": true,
}

// mayBeFunc reports whether the type expression e may denote a function
// type (or a type parameter, whose core type may be one). Imported named
// types are looked up in their package's FuncTypes (names: the file's
// imports, by local name, when known).
func (s *scan) mayBeFunc(e ast.Expr, seen map[string]bool) bool {
	switch e := e.(type) {
	case *ast.FuncType:
		return true
	case *ast.ParenExpr:
		return s.mayBeFunc(e.X, seen)
	case *ast.StarExpr, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.StructType, *ast.InterfaceType:
		return false
	case *ast.IndexExpr:
		return s.mayBeFunc(e.X, seen)
	case *ast.IndexListExpr:
		return s.mayBeFunc(e.X, seen)
	case *ast.Ident:
		if predeclared[e.Name] {
			return false
		}
		t, ok := s.types[e.Name]
		if !ok {
			return true // a type parameter, or unknown
		}
		if seen[e.Name] {
			return false // a cycle: only through another type
		}
		if seen == nil {
			seen = make(map[string]bool)
		}
		seen[e.Name] = true
		return s.mayBeFunc(t, seen)
	case *ast.SelectorExpr:
		// q.T: a func type if some import (q, or q renamed) declares one
		// named T.
		for _, imp := range s.imports {
			if imp.Index != nil && slices.Contains(imp.Index.FuncTypes, e.Sel.Name) {
				return true
			}
		}
		return false
	}
	return true
}

// file scans one file for the sources of summary's, signal and blocked
// facts, and returns why the package may have facts, or "".
func (s *scan) file(f *ast.File) string {
	imports := make(map[string][]Import) // by local name
	for _, spec := range f.Imports {
		imp, ok := s.importOf(spec)
		if !ok {
			continue
		}
		name := ""
		switch {
		case spec.Name != nil:
			name = spec.Name.Name
		case imp.Index != nil:
			name = imp.Index.Name
		default:
			name = "" // unsafe, C
		}
		if name != "" && name != "_" && name != "." {
			imports[name] = append(imports[name], imp)
		}
	}
	reason := ""
	var stack []ast.Node
	var locals map[string]bool // names declared in the enclosing FuncDecl
	ast.Inspect(f, func(n ast.Node) bool {
		if reason != "" {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncDecl:
			locals = declaredIn(n)
		case *ast.GoStmt:
			if s.fams&(Summary|Blocked) != 0 {
				reason = "a go statement"
			}
		case *ast.SendStmt:
			if s.fams&(Summary|Blocked) != 0 {
				reason = "a send"
			}
		case *ast.Ident:
			if s.names[n.Name] && !isDecl(stack) {
				reason = "a reference to " + n.Name
			}
		case *ast.CallExpr:
			if s.fams&Summary != 0 && astutil.InLoop(stack) && s.mayCallVar(n, imports, locals) {
				reason = "a call of a function value in a loop: " + calleeName(n)
			}
		}
		return reason == ""
	})
	return reason
}

// isDecl reports whether the identifier on top of stack declares
// something of the package (a function, method or type name), which is not
// a reference.
func isDecl(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	id := stack[len(stack)-1]
	switch p := stack[len(stack)-2].(type) {
	case *ast.FuncDecl:
		return p.Name == id
	case *ast.TypeSpec:
		return p.Name == id
	}
	return false
}

// declaredIn returns every name declared anywhere in a function
// declaration: receiver, parameters and results (its own and its
// literals'), local variables, constants and types.
func declaredIn(fd *ast.FuncDecl) map[string]bool {
	names := make(map[string]bool)
	addFields := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				names[n.Name] = true
			}
		}
	}
	addFields(fd.Recv)
	ast.Inspect(fd, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			addFields(n.TypeParams)
			addFields(n.Params)
			addFields(n.Results)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				names[id.Name] = true
			}
		case *ast.TypeSpec:
			names[n.Name.Name] = true
		case *ast.RangeStmt:
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						names[id.Name] = true
					}
				}
			}
		}
		return true
	})
	return names
}

// calleeName returns the name of a call's callee, for reasons.
func calleeName(call *ast.CallExpr) string {
	switch fun := calleeExpr(call.Fun).(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		if x, ok := fun.X.(*ast.Ident); ok {
			return x.Name + "." + fun.Sel.Name
		}
		return "_." + fun.Sel.Name
	}
	return "?"
}

// calleeExpr strips parentheses and an instantiation from a call's
// function, as typeutil.Callee does (also for an index, which Callee
// does not strip: the scan does not know which it is).
func calleeExpr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	return ast.Unparen(e)
}

// mayCallVar reports whether call's callee may be a variable (a
// func-typed variable, parameter or field).
func (s *scan) mayCallVar(call *ast.CallExpr, imports map[string][]Import, locals map[string]bool) bool {
	switch fun := calleeExpr(call.Fun).(type) {
	case *ast.Ident:
		n := fun.Name
		return locals[n] || s.pkgVars[n] || s.dotVars[n]
	case *ast.SelectorExpr:
		n := fun.Sel.Name
		if x, ok := fun.X.(*ast.Ident); ok {
			if imps, ok := imports[x.Name]; ok {
				for _, imp := range imps {
					if imp.Index == nil || slices.Contains(imp.Index.Vars, n) {
						return true
					}
				}
				if !locals[x.Name] {
					return false // an imported function
				}
			}
		}
		return s.fields[n]
	}
	return false
}

// mayNotReturn returns why a function of the package may not return (as
// ctrlflow would find), or "". ctrlflow's no-return functions are those
// whose control-flow graph does not return when panic, the imports'
// functions with a no-return fact and the no-return functions found so
// far are taken for calls that do not return (it breaks cycles of calls by
// taking a function still being decided for one that returns). A chain of
// them starts with one that needs none of the package's own: there is one
// if and only if some function does not return with panic and the
// imports' functions (by name, which only adds calls taken not to return)
// alone.
func (s *scan) mayNotReturn(files []*ast.File) string {
	mayReturn := func(call *ast.CallExpr) bool {
		var name string
		switch fun := calleeExpr(call.Fun).(type) {
		case *ast.Ident:
			name = fun.Name
		case *ast.SelectorExpr:
			name = fun.Sel.Name
		default:
			return true
		}
		return !(name == "panic" || s.noReturn[name])
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && cfg.New(fd.Body, mayReturn).NoReturn() {
				return "a function that may not return: " + fd.Name.Name
			}
		}
	}
	return ""
}

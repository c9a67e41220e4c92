// Package vettool is bplint's vet tool: what go vet runs, once per
// package, when given -vettool=bplint. It implements the protocol of x/tools'
// unitchecker (the same flags, JSON and text output, exit codes and fact
// encoding) with two changes that make a run on a cold cache cheaper:
//
//   - Imports are read from the compiler's export data, which go vet hands
//     over (Config.PackageFile) for every import, as Go's own vet does,
//     rather than from types written into each dependency's vetx file by
//     type-checking it from source (what unitchecker does since x/tools
//     v0.38). A vetx file holds facts, and types only for a package without
//     imports.
//   - A dependency (a VetxOnly run) that internal/prefilter finds cannot
//     have a fact of its own is neither type-checked nor analyzed: its vetx
//     file gets the facts it passes on from its imports, and an index of
//     the names its importers' scans need (see vetx.go).
//
// Anything else is left to unitchecker: -V=full and -flags (the tool's
// identity and flags, which go vet asks for first), help, -fix and -diff,
// and a go command that does not hand over export data for every import.
//
// With BPLINT_PROFILE=dir, each run writes a CPU profile of itself to dir
// and appends a line of timings to dir/runs.jsonl (see profile.go).
package vettool

import (
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/bplint/bplint/internal/prefilter"
)

// Config is the JSON configuration go vet writes for each run (x/tools'
// unitchecker.Config).
type Config struct {
	ID                        string // e.g. "fmt [fmt.test]"
	Compiler                  string // gc or gccgo
	Dir                       string // (unused)
	ImportPath                string // package path
	GoVersion                 string // minimum required Go version, such as "go1.21.0"
	GoFiles                   []string
	NonGoFiles                []string
	IgnoredFiles              []string
	ModulePath                string            // module path
	ModuleVersion             string            // module version
	Module                    *analysis.Module  // module information, if any (go1.27)
	ImportMap                 map[string]string // maps import path to package path
	PackageFile               map[string]string // maps package path to file of export data
	Standard                  map[string]bool   // package belongs to standard library
	PackageVetx               map[string]string // maps package path to file of fact information
	VetxOnly                  bool              // run analysis only for facts, not diagnostics
	VetxOutput                string            // where to write file of fact information
	Stdout                    string            // write stdout (e.g. JSON, unified diff) to this file
	FixArchive                string            // write fixed files to this zip archive, if non-empty
	SucceedOnTypecheckFailure bool              // (unused)
}

// Options are the vet tool's own settings.
type Options struct {
	// Prefilter, when it points to true once flags are parsed, enables
	// the skip of dependencies without facts.
	Prefilter *bool
	// Signals returns the functions of ignoredsignal's signals option (a
	// source of facts the prefilter must know), once flags are parsed.
	Signals func() []string
}

// output holds the flags of unitchecker's driver that select the output.
type output struct {
	json    bool
	context int
}

// Main is the vet tool's main function. analyzers are the ones to run on
// this package (go vet's config says whether it is a dependency, for which
// the caller may pass lighter ones). It does not return.
func Main(analyzers []*analysis.Analyzer, opts *Options) {
	args := os.Args[1:]
	if delegate(args) {
		unitchecker.Main(analyzers...)
		return
	}
	progname := filepath.Base(os.Args[0])
	log.SetFlags(0)
	log.SetPrefix(progname + ": ")
	if err := analysis.Validate(analyzers); err != nil {
		log.Fatal(err)
	}
	fs := flag.NewFlagSet(progname, flag.ExitOnError)
	out, analyzers := parseFlags(fs, analyzers, args)
	if fs.NArg() != 1 || !strings.HasSuffix(fs.Arg(0), ".cfg") {
		log.Fatalf(`invoking "go tool vet" directly is unsupported; use "go vet"`)
	}
	tuneGC(os.Getenv)
	os.Exit(Run(fs.Arg(0), analyzers, out, opts))
}

// delegate reports whether unitchecker runs with args: anything but the
// analysis of a package whose imports all have export data.
func delegate(args []string) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true // -V=full, -flags, help, usage
	}
	for _, a := range args[:len(args)-1] {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "fix" || name == "diff" {
			if b, err := strconv.ParseBool(value); !hasValue || err != nil || b {
				return true
			}
		}
	}
	cfg, err := readConfig(args[len(args)-1])
	if err != nil {
		return true // unitchecker reports it
	}
	return !hasExportData(cfg)
}

// hasExportData reports whether go vet handed over export data for every
// import of the package (every go command before go1.27 does).
func hasExportData(cfg *Config) bool {
	for _, path := range cfg.ImportMap {
		if path == "unsafe" || path == "C" {
			continue
		}
		if _, ok := cfg.PackageFile[path]; !ok {
			return false
		}
	}
	return true
}

// parseFlags parses args as unitchecker's driver does (x/tools'
// analysisflags.Parse in multi mode) and returns the analyzers enabled.
func parseFlags(fs *flag.FlagSet, analyzers []*analysis.Analyzer, args []string) (output, []*analysis.Analyzer) {
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		enable := new(triState)
		fs.Var(enable, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		enabled[a] = enable
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	var out output
	fs.Bool("flags", false, "print analyzer flags in JSON")
	fs.Bool("V", false, "print version and exit")
	fs.BoolVar(&out.json, "json", false, "emit JSON output")
	fs.IntVar(&out.context, "c", -1, `display offending line with this many lines of context`)
	fs.Bool("fix", false, "apply all suggested fixes")
	fs.Bool("diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.Bool("source", false, "no effect (deprecated)")
	fs.Bool("v", false, "no effect (deprecated)")
	fs.Bool("all", false, "no effect (deprecated)")
	fs.String("tags", "", "no effect (deprecated)")
	_ = fs.Parse(args) // ExitOnError

	everything := expand(analyzers)
	var hasTrue, hasFalse bool
	for _, ts := range enabled {
		switch *ts {
		case setTrue:
			hasTrue = true
		case setFalse:
			hasFalse = true
		}
	}
	var keep []*analysis.Analyzer
	for _, a := range analyzers {
		if (hasTrue && *enabled[a] == setTrue) || (!hasTrue && (!hasFalse || *enabled[a] != setFalse)) {
			keep = append(keep, a)
		}
	}
	kept := expand(keep)
	for a := range everything {
		if !kept[a] {
			for _, f := range a.FactTypes {
				gob.Register(f)
			}
		}
	}
	return out, keep
}

func expand(analyzers []*analysis.Analyzer) map[*analysis.Analyzer]bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visitAll func([]*analysis.Analyzer)
	visitAll = func(analyzers []*analysis.Analyzer) {
		for _, a := range analyzers {
			if !seen[a] {
				seen[a] = true
				visitAll(a.Requires)
			}
		}
	}
	visitAll(analyzers)
	return seen
}

type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any { return *ts == setTrue }

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}

func (ts *triState) String() string {
	if *ts == setFalse {
		return "false"
	}
	return "true"
}

func (ts triState) IsBoolFlag() bool { return true }

func readConfig(filename string) (*Config, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", filename, err)
	}
	if len(cfg.GoFiles) == 0 {
		return nil, fmt.Errorf("package has no files: %s", cfg.ImportPath)
	}
	return cfg, nil
}

// Run analyzes the package of the config file and returns the exit
// status, as unitchecker.Run does.
func Run(configFile string, analyzers []*analysis.Analyzer, out output, opts *Options) int {
	cfg, err := readConfig(configFile)
	if err != nil {
		log.Fatal(err)
	}
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			log.Fatal(err)
		}
		os.Stdout = f
	}
	prof := startProfile(cfg)
	fset := token.NewFileSet()
	results, err := run(fset, cfg, analyzers, opts, prof)
	prof.stop()
	if err != nil {
		if cfg.VetxOnly {
			return 1
		}
		switch err := err.(type) {
		case types.Error, *scanner.Error, scanner.ErrorList:
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		log.Fatal(err)
	}
	if cfg.VetxOnly {
		return 0
	}
	return printResults(os.Stdout, fset, cfg.ID, results, out)
}

// printResults prints the diagnostics as JSON on out, or as text on
// standard error, and returns the exit status.
func printResults(out io.Writer, fset *token.FileSet, id string, results []result, o output) (exit int) {
	if o.json {
		tree := make(jsonTree)
		for _, res := range results {
			tree.add(fset, id, res.a.Name, res.diagnostics, res.err)
		}
		tree.print(out) // ignore error
		return 0
	}
	for _, res := range results {
		if res.err != nil {
			log.Println(res.err)
			exit = 1
		}
	}
	for _, res := range results {
		for _, diag := range res.diagnostics {
			printPlain(os.Stderr, fset, o.context, diag)
			exit = 1
		}
	}
	return exit
}

type result struct {
	pkg         *types.Package
	files       []*ast.File
	a           *analysis.Analyzer
	diagnostics []analysis.Diagnostic
	err         error
}

// run is unitchecker's run with imports from export data, and the skip.
func run(fset *token.FileSet, cfg *Config, analyzers []*analysis.Analyzer, opts *Options, prof *profile) ([]result, error) {
	// Read and parse the files. Without the deprecated resolution of
	// identifiers to ast.Objects, which no analyzer of bplint's (nor
	// go/types) uses: unitchecker does it, at a fifth of the cost of
	// parsing.
	files := make([]*ast.File, 0, len(cfg.GoFiles))
	srcs := make([][]byte, 0, len(cfg.GoFiles))
	for _, name := range cfg.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		srcs = append(srcs, src)
	}
	prof.phase("parse")

	vetx, err := readImports(cfg)
	if err != nil {
		return nil, err
	}
	prof.phase("read vetx")

	// Register fact types with gob. In VetxOnly mode, analyzers are only
	// for their facts, so we can skip any analysis that neither produces
	// facts nor depends on any analysis that produces facts.
	type action struct {
		once        sync.Once
		result      any
		err         error
		usesFacts   bool // (transitively uses)
		diagnostics []analysis.Diagnostic
	}
	actions := make(map[*analysis.Analyzer]*action)
	var registerFacts func(a *analysis.Analyzer) bool
	registerFacts = func(a *analysis.Analyzer) bool {
		act, ok := actions[a]
		if !ok {
			act = new(action)
			var usesFacts bool
			for _, f := range a.FactTypes {
				usesFacts = true
				gob.Register(f)
			}
			for _, req := range a.Requires {
				if registerFacts(req) {
					usesFacts = true
				}
			}
			act.usesFacts = usesFacts
			actions[a] = act
		}
		return act.usesFacts
	}
	var filtered []*analysis.Analyzer
	for _, a := range analyzers {
		if registerFacts(a) || !cfg.VetxOnly {
			filtered = append(filtered, a)
		}
	}
	analyzers = filtered

	if cfg.VetxOnly && opts != nil && opts.Prefilter != nil && *opts.Prefilter {
		switch {
		case len(cfg.PackageFile) == 0:
			// No imports: its importers may be analyzed by unitchecker,
			// which wants its types in the vetx file.
			prof.decision(prefilter.Decision{Reason: "no imports"})
		default:
			fams, known := prefilter.InPlay(analyzers)
			if !known {
				prof.decision(prefilter.Decision{Reason: "an analyzer has facts the prefilter does not know"})
				break
			}
			if ok, err := skip(cfg, files, srcs, vetx, fams, opts, prof); ok || err != nil {
				return nil, err
			}
		}
	}

	var importTime time.Duration
	compilerImporter := importer.ForCompiler(fset, cfg.Compiler, func(path string) (io.ReadCloser, error) {
		// path is a resolved package path, not an import path.
		file, ok := cfg.PackageFile[path]
		if !ok {
			if cfg.Compiler == "gccgo" && cfg.Standard[path] {
				return nil, nil // fall back to default gccgo lookup
			}
			return nil, fmt.Errorf("no package file for %q", path)
		}
		return os.Open(file)
	})
	tc := &types.Config{
		Importer: importerFunc(func(importPath string) (*types.Package, error) {
			path, ok := cfg.ImportMap[importPath] // resolve vendoring, etc
			if !ok {
				return nil, fmt.Errorf("can't resolve import %q", path)
			}
			t0 := time.Now()
			defer func() { importTime += time.Since(t0) }()
			return compilerImporter.Import(path)
		}),
		Sizes:     types.SizesFor("gc", build.Default.GOARCH),
		GoVersion: cfg.GoVersion,
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, info)
	prof.phase("type-check")
	prof.moveTime("type-check", "import", importTime)
	if err != nil {
		return nil, err
	}

	// Read facts from imported packages.
	facts, err := decodeFacts(pkg, func(pkgPath string) ([]byte, error) {
		if v, ok := vetx[pkgPath]; ok {
			return v.facts, nil
		}
		return nil, nil // no .vetx file, no facts
	})
	if err != nil {
		return nil, err
	}
	prof.phase("decode facts")

	// In parallel, execute the DAG of analyzers.
	var exec func(a *analysis.Analyzer) *action
	var execAll func(analyzers []*analysis.Analyzer)
	exec = func(a *analysis.Analyzer) *action {
		act := actions[a]
		act.once.Do(func() {
			execAll(a.Requires) // prefetch dependencies in parallel

			// The inputs to this analysis are the
			// results of its prerequisites.
			inputs := make(map[*analysis.Analyzer]any)
			var failed []string
			for _, req := range a.Requires {
				reqact := exec(req)
				if reqact.err != nil {
					failed = append(failed, req.String())
					continue
				}
				inputs[req] = reqact.result
			}

			// Report an error if any dependency failed.
			if failed != nil {
				sort.Strings(failed)
				act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
				return
			}

			factFilter := make(map[reflect.Type]bool)
			for _, f := range a.FactTypes {
				factFilter[reflect.TypeOf(f)] = true
			}

			module := cfg.Module
			if module == nil && cfg.ModulePath != "" {
				module = &analysis.Module{
					Path:      cfg.ModulePath,
					Version:   cfg.ModuleVersion,
					GoVersion: cfg.GoVersion,
				}
			}

			pass := &analysis.Pass{
				Analyzer:     a,
				Fset:         fset,
				Files:        files,
				OtherFiles:   cfg.NonGoFiles,
				IgnoredFiles: cfg.IgnoredFiles,
				Pkg:          pkg,
				TypesInfo:    info,
				TypesSizes:   tc.Sizes,
				TypeErrors:   nil, // unitchecker doesn't RunDespiteErrors
				ResultOf:     inputs,
				Report: func(d analysis.Diagnostic) {
					// Unitchecker doesn't apply fixes, but it does report them in the JSON output.
					if err := validateFixes(fset, a, d.SuggestedFixes); err != nil {
						// Since we have diagnostics, the exit code will be nonzero,
						// so logging these errors is sufficient.
						log.Println(err)
						d.SuggestedFixes = nil
					}
					act.diagnostics = append(act.diagnostics, d)
				},
				ImportObjectFact:  facts.ImportObjectFact,
				ExportObjectFact:  facts.ExportObjectFact,
				AllObjectFacts:    func() []analysis.ObjectFact { return facts.AllObjectFacts(factFilter) },
				ImportPackageFact: facts.ImportPackageFact,
				ExportPackageFact: facts.ExportPackageFact,
				AllPackageFacts:   func() []analysis.PackageFact { return facts.AllPackageFacts(factFilter) },
				Module:            module,
			}
			pass.ReadFile = checkedReadFile(pass, os.ReadFile)

			t0 := time.Now()
			act.result, act.err = a.Run(pass)
			prof.analyzer(a.Name, time.Since(t0))

			if act.err == nil { // resolve URLs on diagnostics.
				for i := range act.diagnostics {
					if url, uerr := resolveURL(a, act.diagnostics[i]); uerr == nil {
						act.diagnostics[i].URL = url
					} else {
						act.err = uerr // keep the last error
					}
				}
			}
		})
		return act
	}
	execAll = func(analyzers []*analysis.Analyzer) {
		var wg sync.WaitGroup
		for _, a := range analyzers {
			wg.Add(1)
			go func(a *analysis.Analyzer) {
				_ = exec(a)
				wg.Done()
			}(a)
		}
		wg.Wait()
	}

	execAll(analyzers)
	prof.phase("analyze")

	// Return diagnostics and errors from root analyzers.
	results := make([]result, len(analyzers))
	for i, a := range analyzers {
		act := actions[a]
		results[i] = result{pkg, files, a, act.diagnostics, act.err}
	}

	if cfg.VetxOutput != "" {
		data, names := facts.encode()
		// The index, unless an import has none (its vetx file was
		// written by unitchecker): what it passes on would be incomplete.
		var imports []*prefilter.Index
		for _, path := range sortedPaths(vetx) {
			imports = append(imports, vetx[path].index)
		}
		var index *prefilter.Index
		if !slices.Contains(imports, nil) {
			index = prefilter.TypesIndex(pkg, info, imports)
			index.Facts = names
		}
		var types []byte
		if len(cfg.PackageFile) == 0 {
			// No imports: its importers may be analyzed by unitchecker,
			// which wants the types here.
			if types, err = exportTypes(fset, pkg); err != nil {
				return nil, fmt.Errorf("type+fact export failed: %v", err)
			}
		}
		if err := writeVetx(cfg.VetxOutput, types, data, index); err != nil {
			return nil, fmt.Errorf("failed to export analysis facts: %v", err)
		}
		prof.phase("write vetx")
		own := 0
		for k := range facts.m {
			if k.pkg == pkg {
				own++
			}
		}
		prof.facts(len(names), own)
	}
	return results, nil
}

// skip writes the vetx file of a dependency that the prefilter finds
// without facts, and reports whether it did. A panic of the prefilter is
// a no: the package is analyzed.
func skip(cfg *Config, files []*ast.File, srcs [][]byte, vetx map[string]*vetxFile, fams prefilter.Family, opts *Options, prof *profile) (skipped bool, err error) {
	imports := make(map[string]prefilter.Import, len(cfg.ImportMap))
	for _, path := range cfg.ImportMap {
		imp := prefilter.Import{Path: path}
		if v, ok := vetx[path]; ok {
			imp.Index = v.index
		}
		imports[path] = imp
	}
	var d prefilter.Decision
	var index *prefilter.Index
	func() {
		defer func() {
			if r := recover(); r != nil {
				d = prefilter.Decision{Reason: fmt.Sprintf("the prefilter panicked: %v", r)}
			}
		}()
		var signals []string
		if opts.Signals != nil {
			signals = opts.Signals()
		}
		d, index = prefilter.Scan(cfg.ImportPath, files, srcs, cfg.ImportMap, imports, prefilter.Options{Families: fams, Signals: signals})
	}()
	prof.phase("prefilter")
	prof.decision(d)
	if !d.Skip {
		return false, nil
	}
	var facts [][]byte
	var names [][]prefilter.Fact
	for _, path := range sortedPaths(vetx) {
		facts = append(facts, vetx[path].facts)
		names = append(names, vetx[path].index.Facts)
	}
	data, reexported, err := reexport(facts, names)
	if err != nil {
		return false, err
	}
	index.Facts = reexported
	if err := writeVetx(cfg.VetxOutput, nil, data, index); err != nil {
		return false, fmt.Errorf("failed to export analysis facts: %v", err)
	}
	prof.phase("write vetx")
	prof.facts(len(reexported), 0)
	return true, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// Package crash answers "what happens when an analysis panics?": the panic
// becomes an error naming the analyzer and the package, so one bad package
// never crashes a whole lint run, in any driver.
package crash

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Guard returns a Run function that calls run and turns a panic into an
// error of the form "bplint: analyzer NAME panicked on package PATH: VALUE"
// followed by the stack.
func Guard(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (result any, err error) {
		defer func() {
			if r := recover(); r != nil {
				pkg := "<unknown>"
				if pass.Pkg != nil {
					pkg = pass.Pkg.Path()
				}
				name := "<unknown>"
				if pass.Analyzer != nil {
					name = pass.Analyzer.Name
				}
				result = nil
				err = fmt.Errorf("bplint: analyzer %s panicked on package %s: %v\n%s", name, pkg, r, debug.Stack())
			}
		}()
		return run(pass)
	}
}

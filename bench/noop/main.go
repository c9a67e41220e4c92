// Command noop is bplint's driver with one analyzer that does nothing: the
// floor of loading, parsing and type-checking every package (and go vet's
// process per package), against which bench/run.sh measures bplint.
package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/internal/driver"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: reports nothing (the benchmark floor)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	driver.Main(func(bool) []*analysis.Analyzer { return []*analysis.Analyzer{noop} })
}

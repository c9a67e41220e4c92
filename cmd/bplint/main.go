// Command bplint finds ignored backpressure in Go code.
//
// Usage:
//
//	bplint [flags] [packages]
//	bplint help [rule]
//
// Packages are named as go vet takes them (default "."), tests included.
// Exit status: 0 no findings, 1 findings, 2 could not analyze.
//
// bplint lists the packages with go list and runs go vet with itself as the
// vet tool: each package is analyzed in its own process, and go vet's cache
// makes a re-run with nothing changed cheap. Packages that do not load are
// named and the others still analyzed. Output formats (-format): text
// (path:line:col: message (rule), then a summary on stderr), json (the tree
// go vet -json prints), sarif (GitHub code scanning), github (workflow
// command annotations), rdjsonl (reviewdog). -fix applies the suggested
// fixes, -diff prints them as a patch. For pull requests, -new-from-rev and
// -new-from-patch keep the findings on changed lines, and -baseline hides
// the findings -write-baseline recorded. -checks selects rules
// (staticcheck style), and .bplint.yml, found from the working directory
// upwards, holds the selection, the options and per-directory overrides.
// bplint help RULE prints a rule's page. docs/ci.md has CI recipes,
// docs/configuration.md the configuration.
//
// bplint also works as a go vet tool: go vet -vettool=$(which bplint) ./...
package main

import "github.com/bplint/bplint/internal/driver"

func main() {
	driver.Main(driver.Suite)
}

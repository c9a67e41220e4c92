//go:build !linux

package driver

import "golang.org/x/tools/go/analysis"

var block = &analysis.Analyzer{Name: "block", Doc: "block: unused off Linux", Run: func(*analysis.Pass) (any, error) { return nil, nil }}

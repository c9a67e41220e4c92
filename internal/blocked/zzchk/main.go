package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/bplint/bplint/internal/blocked"
)

func main() { singlechecker.Main(blocked.Analyzer) }

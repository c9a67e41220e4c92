// Package analyzerdoc answers "what is the Doc of an analyzer?": the
// "# Analyzer NAME" section of its package's doc.go, embedded at build time,
// as in golang.org/x/tools/go/analysis/passes.
package analyzerdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtract returns the text of the "# Analyzer name" section of the
// package comment in the Go source content, up to the next section. It
// panics if there is none: a missing doc is a programming error.
func MustExtract(content, name string) string {
	s, err := Extract(content, name)
	if err != nil {
		panic(err)
	}
	return s
}

// Extract is MustExtract returning an error.
func Extract(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	heading := "# Analyzer " + name
	var out []string
	in := false
	for _, line := range strings.Split(f.Doc.Text(), "\n") {
		switch {
		case line == heading:
			in = true
		case in && strings.HasPrefix(line, "# "):
			in = false
		case in:
			out = append(out, line)
		}
	}
	text := strings.TrimSpace(strings.Join(out, "\n"))
	if text == "" {
		return "", fmt.Errorf("doc.go has no %q section", heading)
	}
	if !strings.HasPrefix(text, name+": ") {
		return "", fmt.Errorf("%q section must start with %q", heading, name+": ")
	}
	return text, nil
}

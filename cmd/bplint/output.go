package main

import (
	"encoding/json"
	"fmt"
	"io"
)

// writeText prints path:line:col: message (rule), one finding a line.
func writeText(w io.Writer, fs []finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", f.File, f.Line, f.Col, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}

// The JSON tree that go vet -json prints: package ID -> analyzer ->
// diagnostics, or {"error": "..."}.
type jsonDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

// writeJSON prints the tree, each finding under the first package that
// reported it. encoding/json sorts map keys, so the output is deterministic.
func writeJSON(w io.Writer, res *result) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		switch v := v.(type) {
		case jsonDiagnostic:
			list, _ := tree[pkg][analyzer].([]jsonDiagnostic)
			tree[pkg][analyzer] = append(list, v)
		default:
			tree[pkg][analyzer] = v
		}
	}
	for _, f := range res.findings {
		d := jsonDiagnostic{
			Category: f.Rule,
			Posn:     fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col),
			End:      fmt.Sprintf("%s:%d:%d", f.File, f.EndLine, f.EndCol),
			Message:  f.Message,
		}
		for _, r := range f.Related {
			d.Related = append(d.Related, jsonRelated{
				Posn: fmt.Sprintf("%s:%d:%d", r.File, r.Line, r.Col), End: fmt.Sprintf("%s:%d:%d", r.File, r.EndLine, r.EndCol), Message: r.Message,
			})
		}
		for _, fx := range f.Fixes {
			jf := jsonFix{Message: fx.Message, Edits: []jsonEdit{}}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Filename: e.File, Start: e.Start, End: e.End, New: e.New})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		add(f.Package, f.Analyzer, d)
	}
	for _, e := range res.errors {
		analyzer := e.Analyzer
		if analyzer == "" {
			analyzer = "load"
		}
		add(e.Package, analyzer, jsonError{Err: e.Err})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(tree)
}

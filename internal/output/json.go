package output

import (
	"encoding/json"
	"fmt"
	"io"
)

// JSONDiagnostic is one diagnostic of the tree that go vet -json prints
// (golang.org/x/tools/go/analysis/internal/analysisflags.JSONDiagnostic).
type JSONDiagnostic struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []JSONFix     `json:"suggested_fixes,omitempty"`
	Related        []JSONRelated `json:"related,omitempty"`
}

// JSONFix is a suggested fix in the JSON tree.
type JSONFix struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit is a text edit in the JSON tree, in byte offsets.
type JSONEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// JSONRelated is related information in the JSON tree.
type JSONRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

type jsonError struct {
	Err string `json:"error"`
}

// JSON prints the tree package ID -> analyzer -> diagnostics, or
// {"error": "..."} for a package that could not be analyzed ("load" stands
// for the analyzer when loading or type-checking failed). Each finding is
// listed under the first package that reported it. encoding/json sorts map
// keys, so the output is deterministic.
func JSON(w io.Writer, r Report) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		switch v := v.(type) {
		case JSONDiagnostic:
			list, _ := tree[pkg][analyzer].([]JSONDiagnostic)
			tree[pkg][analyzer] = append(list, v)
		default:
			tree[pkg][analyzer] = v
		}
	}
	for _, f := range r.Findings {
		d := JSONDiagnostic{
			Category: f.Rule,
			Posn:     posn(f.File, f.Line, f.Col),
			End:      posn(f.File, f.EndLine, f.EndCol),
			Message:  f.Message,
		}
		for _, rel := range f.Related {
			d.Related = append(d.Related, JSONRelated{Posn: posn(rel.File, rel.Line, rel.Col), End: posn(rel.File, rel.EndLine, rel.EndCol), Message: rel.Message})
		}
		for _, fx := range f.Fixes {
			jf := JSONFix{Message: fx.Message, Edits: []JSONEdit{}}
			for _, e := range fx.Edits {
				jf.Edits = append(jf.Edits, JSONEdit{Filename: e.Path, Start: e.Start, End: e.End, New: e.New})
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		add(f.Package, f.Analyzer, d)
	}
	for _, e := range r.Errors {
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

func posn(file string, line, col int) string { return fmt.Sprintf("%s:%d:%d", file, line, col) }

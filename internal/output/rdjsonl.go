package output

import (
	"encoding/json"
	"io"

	"github.com/bplint/bplint/internal/finding"
)

// The reviewdog Diagnostic Format (rdf), one JSON object a line:
// https://github.com/reviewdog/reviewdog/tree/master/proto/rdf
type rdDiagnostic struct {
	Message          string              `json:"message"`
	Location         rdLocation          `json:"location"`
	Severity         string              `json:"severity"`
	Source           rdSource            `json:"source"`
	Code             rdCode              `json:"code"`
	Suggestions      []rdSuggestion      `json:"suggestions,omitempty"`
	RelatedLocations []rdRelatedLocation `json:"related_locations,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

// rdPosition columns are 1-based UTF-8 byte counts, as go/token's.
type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelatedLocation struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

// RDJSONL prints one reviewdog Diagnostic a line (reviewdog -f=rdjsonl).
// Suggestions come from the first suggested fix, when all its edits are in
// the finding's file: rdf cannot express alternatives or other files.
func RDJSONL(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	for _, f := range r.Findings {
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: f.File, Range: rdRange{Start: rdPosition{f.Line, f.Col}, End: rdPosition{f.EndLine, f.EndCol}}},
			Severity: "WARNING",
			Source:   rdSource{Name: r.Tool.Name, URL: r.Tool.InformationURI},
			Code:     rdCode{Value: f.Rule, URL: f.URL},
		}
		if len(f.Fixes) > 0 && sameFile(f.Fixes[0], f.File) {
			for _, e := range f.Fixes[0].Edits {
				d.Suggestions = append(d.Suggestions, rdSuggestion{
					Range: rdRange{Start: rdPosition{e.StartLine, e.StartCol}, End: rdPosition{e.EndLine, e.EndCol}},
					Text:  e.New,
				})
			}
		}
		for _, rel := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelatedLocation{
				Message:  rel.Message,
				Location: rdLocation{Path: rel.File, Range: rdRange{Start: rdPosition{rel.Line, rel.Col}, End: rdPosition{rel.EndLine, rel.EndCol}}},
			})
		}
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

func sameFile(fx finding.Fix, file string) bool {
	for _, e := range fx.Edits {
		if e.File != file {
			return false
		}
	}
	return true
}

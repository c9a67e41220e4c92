package output

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/bplint/bplint/internal/finding"
)

// srcRoot is the uriBaseId of relative file URIs: GitHub code scanning
// resolves it to the checkout.
const srcRoot = "%SRCROOT%"

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// The subset of SARIF 2.1.0 bplint writes. (github.com/owenrumney/go-sarif
// was tried: it writes -1 sentinels and empty arrays for every unset
// property, which the SARIF validator warns about, and panics on nil maps.)
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
		Invocations        []sarifInvocation                `json:"invocations"`
		Results            []sarifResult                    `json:"results"` // GitHub requires it, even empty
		ColumnKind         string                           `json:"columnKind"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		SemanticVer    string      `json:"semanticVersion,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string          `json:"id"`
		Name                 string          `json:"name,omitempty"`
		ShortDescription     sarifText       `json:"shortDescription"`
		FullDescription      sarifText       `json:"fullDescription"`
		Help                 sarifText       `json:"help"`
		HelpURI              string          `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
		Properties           *sarifRuleProps `json:"properties,omitempty"`
	}
	sarifRuleProps struct {
		Tags []string `json:"tags,omitempty"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               int                   `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Replacements     []sarifReplacement    `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent *sarifText  `json:"insertedContent,omitempty"`
	}
)

// SARIF writes a SARIF 2.1.0 log with one run, as GitHub code scanning
// accepts it: the tool's rules with descriptions and help, results with
// relative URIs under %SRCROOT%, regions, related locations, fixes, and
// partialFingerprints that survive unrelated edits.
func SARIF(w io.Writer, r Report) error {
	driver := sarifDriver{
		Name:           r.Tool.Name,
		Version:        r.Tool.Version,
		InformationURI: r.Tool.InformationURI,
		Rules:          []sarifRule{},
	}
	if v := strings.TrimPrefix(r.Tool.Version, "v"); v != "" && unicode.IsDigit(rune(v[0])) {
		driver.Version, driver.SemanticVer = v, v
	} else {
		driver.Version = "0.0.0-devel" // SARIF wants a version that starts with a number
	}
	index := make(map[string]int)
	for _, rule := range r.Tool.Rules {
		index[rule.ID] = len(driver.Rules)
		sr := sarifRule{
			ID:                   rule.ID,
			Name:                 ruleName(rule.ID),
			ShortDescription:     sarifText{sentence(rule.Summary)},
			FullDescription:      sarifText{sentence(rule.Summary)},
			Help:                 sarifText{rule.Help},
			HelpURI:              rule.HelpURI,
			DefaultConfiguration: sarifConfig{"warning"},
		}
		if rule.Analyzer != "" {
			sr.Properties = &sarifRuleProps{Tags: []string{rule.Analyzer}}
		}
		driver.Rules = append(driver.Rules, sr)
	}

	run := sarifRun{Tool: sarifTool{driver}, Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	// Packages that could not be analyzed make the run unsuccessful, so a
	// SARIF consumer does not mistake missing results for clean code.
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{e.String()}})
	}
	run.Invocations = []sarifInvocation{inv}
	if r.Root != "" {
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(r.Root) + "/"}).String()
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: root}}
	}
	cols := r.RuneColumn
	if cols == nil {
		cols = func(_ string, _, col int) int { return col }
	}
	prints := finding.Fingerprints(r.Findings)
	for i, f := range r.Findings {
		n, ok := index[f.Rule]
		if !ok {
			n = -1
		}
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           n,
			Level:               "warning",
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{location(cols, f.File, f.Line, f.Col, f.EndLine, f.EndCol, "")},
			PartialFingerprints: map[string]string{"bplint/v1": prints[i]},
		}
		for j, rel := range f.Related {
			loc := location(cols, rel.File, rel.Line, rel.Col, rel.EndLine, rel.EndCol, rel.Message)
			loc.ID = j + 1
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		for _, fx := range f.Fixes {
			res.Fixes = append(res.Fixes, fix(cols, fx))
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// columns converts a byte column of a file's line to code points.
type columns func(file string, line, col int) int

func location(cols columns, file string, line, col, endLine, endCol int, msg string) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: artifact(file),
		Region:           region(line, cols(file, line, col), endLine, cols(file, endLine, endCol)),
	}}
	if msg != "" {
		loc.Message = &sarifText{msg}
	}
	return loc
}

// artifact locates a displayed file name: relative to %SRCROOT% when it is
// relative, an absolute file URI otherwise.
func artifact(file string) sarifArtifactLocation {
	slash := filepath.ToSlash(file)
	if filepath.IsAbs(file) {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: slash}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: slash}).String(), URIBaseID: srcRoot}
}

// region is a SARIF region, columns in code points (run.columnKind).
func region(line, col, endLine, endCol int) sarifRegion {
	reg := sarifRegion{StartLine: line, StartColumn: col}
	if endLine > 0 && (endLine > line || endLine == line && endCol >= col) {
		reg.EndLine, reg.EndColumn = endLine, endCol
	}
	return reg
}

func fix(cols columns, fx finding.Fix) sarifFix {
	out := sarifFix{Description: sarifText{fx.Message}, ArtifactChanges: []sarifArtifactChange{}}
	for _, e := range fx.Edits {
		if n := len(out.ArtifactChanges); n == 0 || out.ArtifactChanges[n-1].ArtifactLocation != artifact(e.File) {
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(e.File)})
		}
		change := &out.ArtifactChanges[len(out.ArtifactChanges)-1]
		rep := sarifReplacement{DeletedRegion: sarifRegion{
			StartLine: e.StartLine, StartColumn: cols(e.File, e.StartLine, e.StartCol),
			EndLine: e.EndLine, EndColumn: cols(e.File, e.EndLine, e.EndCol),
		}}
		if e.New != "" {
			rep.InsertedContent = &sarifText{e.New}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	return out
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show:
// discarded-signal -> DiscardedSignal. The directive pseudo-rule, whose
// name would only differ from its id in case, has none.
func ruleName(id string) string {
	if !strings.Contains(id, "-") {
		return ""
	}
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// sentence capitalizes s and ends it with a period, as SARIF wants
// descriptions to be.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

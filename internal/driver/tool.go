package driver

import (
	"strings"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/output"
	"github.com/bplint/bplint/internal/rules"
)

const informationURI = "https://github.com/bplint/bplint"

// registered returns the rules of the analyzers in the suite, in
// documentation order.
func registered() []rules.Rule {
	var out []rules.Rule
	for _, a := range analyzers.All {
		for _, id := range rules.Of(a.Name) {
			r, _ := rules.Lookup(id)
			out = append(out, r)
		}
	}
	return out
}

// tool describes bplint and its rules for the formats that carry metadata
// (SARIF): each rule's help is its paragraphs of the analyzer's Doc.
func tool() output.Tool {
	t := output.Tool{Name: "bplint", Version: version(), InformationURI: informationURI}
	docs := make(map[string]string)
	for _, a := range analyzers.All {
		docs[a.Name] = a.Doc
	}
	ids := rules.IDs()
	for _, r := range registered() {
		help := ruleHelp(docs[r.Analyzer], r.ID, ids)
		if help == "" {
			help = r.Summary
		}
		t.Rules = append(t.Rules, output.Rule{
			ID:       r.ID,
			Analyzer: r.Analyzer,
			Summary:  r.Summary,
			Help:     help + "\n\nSee " + rules.DocURL(r.ID),
			HelpURI:  rules.DocURL(r.ID),
		})
	}
	t.Rules = append(t.Rules, output.Rule{
		ID:      rules.Directive,
		Summary: "a //bplint: directive is malformed (no reason, unknown rule) or suppresses nothing",
		Help:    "//bplint:ignore <rule>[,<rule>] <reason> on the line of a finding or the line above silences it; //bplint:file-ignore <rule> <reason> silences a file. The reason is required, and a directive that suppresses nothing is reported.\n\nSee " + rules.DocURL("suppression"),
		HelpURI: rules.DocURL("suppression"),
	})
	return t
}

// ruleHelp extracts the documentation of rule id from an analyzer's Doc:
// the paragraph that starts with "id: ", and the ones after it up to the
// next rule's paragraph or the first plain paragraph after the examples.
func ruleHelp(doc, id string, ids []string) string {
	var out []string
	in, sawCode := false, false
	for _, para := range strings.Split(doc, "\n\n") {
		code := strings.HasPrefix(para, "\t") || strings.HasPrefix(para, "    ")
		startsRule := false
		for _, other := range ids {
			if strings.HasPrefix(para, other+": ") {
				startsRule = true
			}
		}
		switch {
		case strings.HasPrefix(para, id+": "):
			in = true
		case !in:
			continue
		case startsRule, sawCode && !code:
			return strings.Join(out, "\n\n")
		}
		sawCode = sawCode || code
		out = append(out, para)
	}
	return strings.Join(out, "\n\n")
}

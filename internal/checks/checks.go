// Package checks answers "which rules does a selection turn on?", for the
// -checks flag and the checks key of .bplint.yml, in the manner of
// staticcheck's -checks: a comma-separated list of terms applied left to
// right, each adding or (with a leading "-") removing rules.
//
// A term is a rule id (silent-drop), an analyzer name (unboundedqueue, its
// rules), "all" (every rule), "inherit" (the rules selected before this
// list: by the defaults, .bplint.yml, or an enclosing directory), or a
// wildcard over rule ids and analyzer names (ignored-*, path.Match syntax).
// A list starts from nothing, unless its first term is a removal: then it
// starts from the inherited rules, so "-silent-drop" means everything else.
// A term that matches no rule is an error.
package checks

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/bplint/bplint/internal/rules"
)

// Split splits a comma-separated list into its terms, dropping blanks.
func Split(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// Apply returns the rules that terms select, given the inherited
// selection. With no terms it returns inherited. The result is in the
// order of rules.All.
func Apply(inherited, terms []string) ([]string, error) {
	if len(terms) == 0 {
		return inherited, nil
	}
	on := make(map[string]bool)
	if strings.HasPrefix(terms[0], "-") {
		for _, id := range inherited {
			on[id] = true
		}
	}
	for _, t := range terms {
		remove := strings.HasPrefix(t, "-")
		name := strings.TrimPrefix(t, "-")
		var ids []string
		if name == "inherit" {
			ids = inherited
		} else {
			var err error
			if ids, err = Match(name); err != nil {
				return nil, err
			}
		}
		for _, id := range ids {
			on[id] = !remove
		}
	}
	var out []string
	for _, r := range rules.All {
		if on[r.ID] {
			out = append(out, r.ID)
		}
	}
	return out, nil
}

// Match returns the rules one term (without its "-") names: "all", an
// analyzer, a rule, or a wildcard over both.
func Match(name string) ([]string, error) {
	if name == "all" || name == "*" {
		return rules.IDs(), nil
	}
	wild := strings.ContainsAny(name, "*?[")
	var ids []string
	for _, r := range rules.All {
		hit := r.ID == name || r.Analyzer == name
		if wild {
			byID, err := path.Match(name, r.ID)
			if err != nil {
				return nil, fmt.Errorf("checks: malformed wildcard %q: %v", name, err)
			}
			byAnalyzer, _ := path.Match(name, r.Analyzer)
			hit = byID || byAnalyzer
		}
		if hit {
			ids = append(ids, r.ID)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("checks: %q matches no rule (rules: %s; analyzers: %s; or all, inherit, a wildcard)",
			name, strings.Join(rules.IDs(), ", "), strings.Join(analyzerNames(), ", "))
	}
	return ids, nil
}

func analyzerNames() []string {
	var out []string
	for _, r := range rules.All {
		if !slices.Contains(out, r.Analyzer) {
			out = append(out, r.Analyzer)
		}
	}
	return out
}

// Package rules answers "which rules does bplint have, and who owns each?".
//
// Rule ids are stable: they appear in Diagnostic.Category, SARIF ruleId,
// suppression directives and docs/<rule>.md.
package rules

import "slices"

// Rule describes one rule id.
type Rule struct {
	ID       string // stable rule id, e.g. "discarded-signal"
	Analyzer string // name of the analyzer that reports it
	Summary  string // one lowercase sentence, no period
	// Load rules judge behaviour under production load. Test code is not
	// under load (fake servers, scripted peers, capture channels), so
	// they do not report in _test.go files unless the test-load option
	// is set. The other rules (leaks, discarded signals) report there too.
	Load bool
}

// Analyzer names.
const (
	IgnoredSignal  = "ignoredsignal"
	UnboundedQueue = "unboundedqueue"
)

// Directive is the category of diagnostics about //bplint: directives
// themselves (missing reason, unknown rule, suppresses nothing). It is not a
// rule: it cannot be disabled or suppressed.
const Directive = "directive"

// All lists every rule, grouped by analyzer, in documentation order.
var All = []Rule{
	{"discarded-signal", IgnoredSignal, "a backpressure signal (TrySend, Offer, Allow, TryAcquire, TryGo, Acquire, Wait, or a wrapper of one) is discarded", false},
	{"ignored-write", IgnoredSignal, "the error of a write to a flow-controlled sink is ignored in a loop, or a Flush error is ignored", true},
	{"silent-drop", IgnoredSignal, "a select sends with an empty default, dropping data when the channel is full without counting it", true},
	{"slice-queue", UnboundedQueue, "a slice used as a queue between a producer and a consumer grows without a bound", true},
	{"list-queue", UnboundedQueue, "a linked list used as a queue between a producer and a consumer grows without a bound", true},
	{"goroutine-per-item", UnboundedQueue, "a goroutine is spawned per item of an unbounded source with no concurrency limit", true},
	{"unbuffered-fan-in", UnboundedQueue, "a sender is left blocked forever on a channel whose receiver can stop receiving before every sender was heard", false},
}

// Lookup returns the rule with the given id.
func Lookup(id string) (Rule, bool) {
	i := slices.IndexFunc(All, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return Rule{}, false
	}
	return All[i], true
}

// Of returns the ids of the rules owned by the named analyzer.
func Of(analyzer string) []string {
	var ids []string
	for _, r := range All {
		if r.Analyzer == analyzer {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// IDs returns every rule id in documentation order.
func IDs() []string {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
	}
	return ids
}

// IsLoad reports whether id is a load rule (see Rule.Load).
func IsLoad(id string) bool {
	r, ok := Lookup(id)
	return ok && r.Load
}

// DocURL is the help page of a rule, or of another docs page by name
// (DocURL("suppression") for the directive syntax).
func DocURL(id string) string {
	return "https://github.com/bplint/bplint/blob/main/docs/" + id + ".md"
}

// AllDisabled reports whether every rule of the named analyzer is in
// disabled: the analyzer then has nothing to do.
func AllDisabled(analyzer string, disabled []string) bool {
	for _, id := range Of(analyzer) {
		if !slices.Contains(disabled, id) {
			return false
		}
	}
	return true
}

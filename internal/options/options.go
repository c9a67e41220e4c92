// Package options answers "how are an analyzer's options spelled and
// checked?": the comma-separated list flag shared by every analyzer's
// -NAME.disable and -NAME.signals flags, and the validation of rule ids.
package options

import (
	"fmt"
	"slices"
	"strings"
)

// List is a flag.Value holding a comma-separated list. Setting it more than
// once appends, so -x.disable=a -x.disable=b and -x.disable=a,b agree.
type List []string

func (l *List) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *List) Set(s string) error {
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			*l = append(*l, f)
		}
	}
	return nil
}

// CheckRules reports an error naming the first id not in known.
func CheckRules(option string, ids, known []string) error {
	for _, id := range ids {
		if !slices.Contains(known, id) {
			return fmt.Errorf("%s: unknown rule %q (known: %s)", option, id, strings.Join(known, ", "))
		}
	}
	return nil
}

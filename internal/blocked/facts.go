package blocked

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// SendsFact marks a function that only sends on some of its channel
// parameters (itself, or from goroutines it starts), and never receives
// from them nor lets them escape: a caller that hands it a channel it made
// knows how many senders it adds.
type SendsFact struct {
	Params []ParamSends
}

// ParamSends is what a function does with one channel parameter.
type ParamSends struct {
	Index int       // the parameter (the receiver of a method is 0)
	Sends FactCount // the blocking sends of one call
	Self  bool      // some of them are made by the function itself, not by goroutines it starts
}

func (*SendsFact) AFact() {}

func (f *SendsFact) String() string {
	var parts []string
	for _, p := range f.Params {
		how := "in goroutines"
		if p.Self {
			how = "itself"
		}
		parts = append(parts, fmt.Sprintf("param %d: %s sends %s", p.Index, p.Sends, how))
	}
	return "sends(" + strings.Join(parts, "; ") + ")"
}

// PendingFact marks a function that returns a channel made in it, on
// every path, with goroutines started that will send on it more values
// than its buffer holds: whoever calls it must receive them all, or they
// block forever.
type PendingFact struct {
	Result  int       // the result that is the channel
	Pending FactCount // sends beyond the buffer when the function returns
}

func (*PendingFact) AFact() {}

func (f *PendingFact) String() string {
	return fmt.Sprintf("pending(result %d: %s)", f.Result, f.Pending)
}

// FactCount is a count in facts: a constant plus lengths and values of
// parameters, or many (a quantity the caller cannot name).
type FactCount struct {
	C     int
	Terms []FactTerm
	Many  bool
}

// FactTerm is K times len(parameter Param) or the value of parameter Param.
type FactTerm struct {
	Len   bool
	Param int
	K     int
}

func (c FactCount) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", c.C)
	for _, t := range c.Terms {
		what := "p"
		if t.Len {
			what = "len p"
		}
		fmt.Fprintf(&b, "+%d*%s%d", t.K, what, t.Param)
	}
	if c.Many {
		b.WriteString("+many")
	}
	return b.String()
}

// encode writes a count of function fn for a fact: parameters by index,
// anything else as many.
func encode(fn *ssa.Function, f form) FactCount {
	out := FactCount{C: f.c}
	for _, t := range f.terms {
		idx := paramIndex(fn, t.s.v)
		if idx >= 0 && (t.s.kind == symLen || t.s.kind == symVal) {
			out.Terms = append(out.Terms, FactTerm{Len: t.s.kind == symLen, Param: idx, K: t.k})
		} else {
			out.Many = true // facts carry only counts that are shown: no negative term gets here
		}
	}
	return out
}

func paramIndex(fn *ssa.Function, v ssa.Value) int {
	for i, p := range fn.Params {
		if p == v {
			return i
		}
	}
	return -1
}

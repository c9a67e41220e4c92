// Package signal answers "is this function a backpressure signal, and what
// does discarding its result cost?".
//
// Library APIs are matched by type (package path, receiver, name); the only
// name-based match is the Try*/Offer convention for methods.
package signal

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Family groups signals whose refusal means the same thing under load.
type Family string

const (
	Refused    Family = "refused"    // TrySend, Offer, ...: a value was not accepted
	Permit     Family = "permit"     // TryAcquire: no permit was granted
	Acquire    Family = "acquire"    // semaphore.Weighted.Acquire: the wait ended without a permit
	TryGo      Family = "trygo"      // errgroup.Group.TryGo: the function did not start
	Allow      Family = "allow"      // rate.Limiter.Allow: the limiter said no
	Wait       Family = "wait"       // rate.Limiter.Wait: the wait ended without a token
	TryLock    Family = "trylock"    // sync.Mutex.TryLock: the lock was not taken
	Configured Family = "configured" // listed in the signals option
	Marked     Family = "marked"     // declared with //bplint:signal
)

// Consequence says what happens under load when the signal is ignored, and
// Remedy the bounded alternative. Both are lowercase sentence fragments.
func (f Family) Consequence() string {
	switch f {
	case Refused:
		return "when the consumer is full the value is refused and silently lost"
	case Permit:
		return "when no permit is free the work runs anyway, so the concurrency limit is not enforced"
	case Acquire:
		return "when the context ends the work runs without a permit and the matching Release panics"
	case TryGo:
		return "when the group is at its limit the function never runs and nothing notices"
	case Allow:
		return "the limiter's refusal is ignored, so the work runs at any rate"
	case Wait:
		return "when the context ends or the request exceeds the burst the work runs without a token, at any rate"
	case TryLock:
		return "the critical section runs whether or not the lock was taken"
	default:
		return "the consumer's refusal is lost and the producer keeps going at full speed"
	}
}

// Remedy is the bounded alternative to ignoring the signal. returnsError
// says whether the enclosing function returns an error, so that the remedy
// offers "return" only where it applies.
func (f Family) Remedy(returnsError bool) string {
	switch f {
	case Refused:
		if returnsError {
			return "check it and block, count the drop, or return an error"
		}
		return "check it and block, or count the drop"
	case Permit:
		return "check it and reject or shed the work, or wait with Acquire"
	case Acquire, Wait:
		if returnsError {
			return "check the error and return it"
		}
		return "check the error and skip the work"
	case TryGo:
		return "check it and reject or retry the work, or call Go to block"
	case Allow:
		return "reject or delay the work when it returns false, or call Wait"
	case TryLock:
		return "branch on it, or call Lock"
	default:
		if returnsError {
			return "check it and block, count the drop, or return an error"
		}
		return "check it and block, or count the drop"
	}
}

// known maps types.Func.FullName of library signals to their family.
var known = map[string]Family{
	"(*golang.org/x/sync/semaphore.Weighted).TryAcquire": Permit,
	"(*golang.org/x/sync/semaphore.Weighted).Acquire":    Acquire,
	"(*golang.org/x/sync/errgroup.Group).TryGo":          TryGo,
	"(*golang.org/x/time/rate.Limiter).Allow":            Allow,
	"(*golang.org/x/time/rate.Limiter).AllowN":           Allow,
	"(*golang.org/x/time/rate.Limiter).Wait":             Wait,
	"(*golang.org/x/time/rate.Limiter).WaitN":            Wait,
	"(*sync.Mutex).TryLock":                              TryLock,
	"(*sync.RWMutex).TryLock":                            TryLock,
	"(*sync.RWMutex).TryRLock":                           TryLock,
}

// tryNames are the method names of the naming convention.
var tryNames = map[string]Family{
	"TrySend": Refused, "TryPush": Refused, "TryPut": Refused, "TryEnqueue": Refused,
	"TryPublish": Refused, "TryWrite": Refused, "TryAdd": Refused, "Offer": Refused,
	"TryAcquire": Permit,
}

// ContextArg returns the index (in the signature's parameters, receiver
// excluded) of the context whose end makes a signal fail, or -1.
func ContextArg(fn *types.Func) int {
	switch known[fn.FullName()] {
	case Acquire, Wait:
		return 0
	}
	return -1
}

// Matcher recognises signals: the built-in table, the naming convention
// and the functions of the signals option.
type Matcher struct {
	extra map[string]bool
}

// NewMatcher returns a Matcher that also recognises the functions named in
// signals ("pkg/path.Func" or "(*pkg/path.Type).Method").
func NewMatcher(signals []string) *Matcher {
	m := &Matcher{extra: make(map[string]bool)}
	for _, s := range signals {
		m.extra[normalize(s)] = true
	}
	return m
}

// Match reports whether fn is a signal, its family and the index of the
// result that carries it (the last result, which must be a bool or an
// error except for configured functions).
func (m *Matcher) Match(fn *types.Func) (Family, int, bool) {
	fn = fn.Origin()
	sig := fn.Signature()
	n := sig.Results().Len()
	if n == 0 {
		return "", 0, false
	}
	last := sig.Results().At(n - 1).Type()
	full := fn.FullName()
	if f, ok := known[full]; ok {
		return f, n - 1, true
	}
	if len(m.extra) > 0 && m.extra[normalize(full)] {
		return Configured, n - 1, true
	}
	if f, ok := tryNames[fn.Name()]; ok && sig.Recv() != nil && IsBoolOrError(last) {
		return f, n - 1, true
	}
	return "", 0, false
}

// normalize drops pointer stars and type arguments so that
// "(*p.Queue[T]).TrySend", "(p.Queue).TrySend" and "(*p.Queue).TrySend"
// agree.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "*", "")
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var errorType = types.Universe.Lookup("error").Type()

// IsError reports whether t is the error interface or a named type
// implementing it.
func IsError(t types.Type) bool {
	if types.Identical(t, errorType) {
		return true
	}
	if _, ok := types.Unalias(t).(*types.Named); ok {
		return types.Implements(t, errorType.Underlying().(*types.Interface))
	}
	return false
}

// IsBoolOrError reports whether t's underlying type is bool, or t is an
// error.
func IsBoolOrError(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
		return true
	}
	return IsError(t)
}

// IsCompareAndSwap reports whether e is a call of a sync/atomic
// CompareAndSwap function or method: its result says whether this caller
// won the flag, so what it guards runs once per state change.
func IsCompareAndSwap(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic" && strings.HasPrefix(fn.Name(), "CompareAndSwap")
}

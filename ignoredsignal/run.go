package ignoredsignal

import "golang.org/x/tools/go/analysis"

// signalFact marks a function whose result is a backpressure signal.
type signalFact struct{}

func (*signalFact) AFact()         {}
func (*signalFact) String() string { return "signal" }

func run(pass *analysis.Pass, cfg *Config) error { return nil }

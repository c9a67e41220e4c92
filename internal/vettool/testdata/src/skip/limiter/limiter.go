// Package limiter wraps a library signal (rate.Limiter.Allow).
package limiter

import "golang.org/x/time/rate"

// Take reports whether the limiter allows an event.
func Take(l *rate.Limiter) bool { return l.Allow() }

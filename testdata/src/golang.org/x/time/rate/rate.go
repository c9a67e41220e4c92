// Package rate is a test stub of golang.org/x/time/rate with the real import
// path and signatures.
package rate

import (
	"context"
	"time"
)

type Limit float64

const Inf = Limit(1e308)

func Every(interval time.Duration) Limit { return Limit(time.Second / interval) }

type Limiter struct {
	limit Limit
	burst int
}

type Reservation struct{}

func NewLimiter(r Limit, b int) *Limiter                    { return &Limiter{r, b} }
func (lim *Limiter) Allow() bool                            { return true }
func (lim *Limiter) AllowN(t time.Time, n int) bool         { return true }
func (lim *Limiter) Wait(ctx context.Context) error         { return ctx.Err() }
func (lim *Limiter) WaitN(ctx context.Context, n int) error { return ctx.Err() }
func (lim *Limiter) Reserve() *Reservation                  { return &Reservation{} }
func (lim *Limiter) Burst() int                             { return lim.burst }
func (lim *Limiter) SetLimit(newLimit Limit)                { lim.limit = newLimit }
func (r *Reservation) Delay() time.Duration                 { return 0 }
func (r *Reservation) OK() bool                             { return true }

// Package mocks holds a double's scripts outside test files: a script of
// errors is a list of failures and is not reported; a script of replies is
// a queue and is, whatever the package is called.
package mocks

import (
	"errors"
	"sync"
)

type Producer struct {
	mu           sync.Mutex
	expectations []error
	replies      []string
}

func (p *Producer) ExpectSendAndFail(err error) *Producer {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expectations = append(p.expectations, err) // ok: every element is an error, a list of failures
	return p
}

func (p *Producer) Send() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.expectations) == 0 {
		return errors.New("no more expectations")
	}
	e := p.expectations[0]
	p.expectations = p.expectations[1:]
	return e
}

func (p *Producer) ExpectReply(r string) *Producer {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.replies = append(p.replies, r) // want `slice p.replies is a queue \(grows in Producer.ExpectReply, taken from the front in Reply\)`
	return p
}

func (p *Producer) Reply() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := p.replies[0]
	p.replies = p.replies[1:]
	return r
}

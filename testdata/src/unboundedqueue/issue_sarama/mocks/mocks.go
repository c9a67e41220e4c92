// Package mocks: a mock's script of expected calls (sarama's mocks
// package) is loaded by tests and popped per call; not a queue.
package mocks

import (
	"errors"
	"sync"
)

type Producer struct {
	mu           sync.Mutex
	expectations []error
}

func (p *Producer) ExpectSendAndFail(err error) *Producer {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.expectations = append(p.expectations, err)
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

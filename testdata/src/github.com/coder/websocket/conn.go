// Package websocket is a test stub of github.com/coder/websocket (formerly
// nhooyr.io/websocket) with the real import path and signatures.
package websocket

import "context"

type MessageType int

const (
	MessageText MessageType = iota + 1
	MessageBinary
)

type Conn struct{}

func (c *Conn) Write(ctx context.Context, typ MessageType, p []byte) error { return nil }
func (c *Conn) Read(ctx context.Context) (MessageType, []byte, error)      { return 0, nil, nil }

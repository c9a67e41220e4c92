// Package websocket is a test stub of github.com/gorilla/websocket with the
// real import path and signatures.
package websocket

import "io"

const (
	TextMessage   = 1
	BinaryMessage = 2
)

type Conn struct{}

func (c *Conn) WriteMessage(messageType int, data []byte) error     { return nil }
func (c *Conn) WriteJSON(v any) error                               { return nil }
func (c *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }
func (c *Conn) NextWriter(messageType int) (io.WriteCloser, error)  { return nil, nil }
func (c *Conn) Close() error                                        { return nil }

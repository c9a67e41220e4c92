// Package grpc is a test stub of google.golang.org/grpc with the real import
// path: the stream interfaces that generated code embeds.
package grpc

import "context"

type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type ClientStream interface {
	Context() context.Context
	CloseSend() error
	SendMsg(m any) error
	RecvMsg(m any) error
}

// ServerStreamingServer is the generic server-streaming handle that
// protoc-gen-go-grpc generates since v1.64.
type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}

// BidiStreamingServer is the generic bidirectional handle.
type BidiStreamingServer[Req any, Res any] interface {
	Recv() (*Req, error)
	Send(*Res) error
	ServerStream
}

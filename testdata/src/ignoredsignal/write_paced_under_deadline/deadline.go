// Package write_paced_under_deadline proves that a request-response loop
// on a connection is still reported when the package sets write
// deadlines: a write can then time out while reads from the same
// connection succeed, and the reply is lost unseen. A gRPC stream, which
// takes no deadline, is not reported beside it.
package write_paced_under_deadline

import (
	"net"
	"time"

	"google.golang.org/grpc"
)

type Req struct{ ID int }
type Reply struct{ ID int }

// accept gives every connection a write deadline before handing it on.
func accept(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		conn.SetWriteDeadline(time.Now().Add(time.Second))
		go echoConn(conn)
	}
}

// echoConn: a write that times out leaves reads working. Reported.
func echoConn(conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n]) // want `error of conn.Write is discarded in a loop`
	}
}

// serve: a stream has no deadline of its own; Send fails only on a
// finished stream, and the next Recv fails. Not reported.
func serve(stream grpc.BidiStreamingServer[Req, Reply]) error {
	for {
		req, err := stream.Recv()
		if err != nil {
			return err
		}
		stream.Send(&Reply{ID: req.ID})
	}
}

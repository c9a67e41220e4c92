// Package write_paced_by_reads proves that a write in a loop is not
// reported when it cannot run again before a checked read from the same
// stream (a request-response or echo loop): the stream whose write failed
// fails that read, which ends the loop. Writes that can repeat without such
// a read stay reported beside them.
package write_paced_by_reads

import (
	"bufio"
	"io"
	"net"

	"google.golang.org/grpc"
)

type Req struct{ ID int }
type Reply struct{ ID int }

// serve answers each request of a bidirectional stream once: Send's
// failure finishes the stream, and the next Recv fails. Not reported.
func serve(stream grpc.BidiStreamingServer[Req, Reply]) error {
	for {
		req, err := stream.Recv()
		if err != nil {
			return err
		}
		stream.Send(&Reply{ID: req.ID})
	}
}

// echoConn writes back what it read from the same connection. Not reported.
func echoConn(conn net.Conn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n])
	}
}

// echoTCP: Write of *net.TCPConn is promoted from an embedded field, Read
// too; both are the same connection. Not reported.
func echoTCP(conn *net.TCPConn) {
	buf := make([]byte, 4096)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return
		}
		conn.Write(buf[:n])
	}
}

// frames reads a fixed-size header with io.ReadFull, then replies: the
// read through a call given the connection counts. Not reported.
func frames(conn net.Conn) {
	hdr := make([]byte, 8)
	for {
		if _, err := io.ReadFull(conn, hdr); err != nil {
			return
		}
		conn.Write(hdr[:4])
	}
}

// lines reads lines through a bufio reader over the connection. Not
// reported.
func lines(conn net.Conn) {
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		conn.Write([]byte(line))
	}
}

// replyThenRead writes first and reads at the end of the iteration: the
// next write still comes after the read. Not reported.
func replyThenRead(conn net.Conn, hello []byte) {
	buf := make([]byte, 64)
	for {
		conn.Write(hello)
		if _, err := conn.Read(buf); err != nil {
			return
		}
	}
}

// rows streams many rows per request: the inner loop writes again without
// a read in between, and keeps producing for a client that is gone.
// Reported.
func rows(stream grpc.BidiStreamingServer[Req, Reply], table []Reply) error {
	for {
		if _, err := stream.Recv(); err != nil {
			return err
		}
		for i := range table {
			stream.Send(&table[i]) // want `error of stream.Send is discarded in a loop`
		}
	}
}

// unchecked ignores the read's error too: nothing ends the loop. Reported.
func unchecked(conn net.Conn) {
	buf := make([]byte, 64)
	for {
		n, _ := conn.Read(buf)
		conn.Write(buf[:n]) // want `error of conn.Write is discarded in a loop`
	}
}

// skipRead reads only on some iterations: a way round the loop writes
// twice with no read between. Reported.
func skipRead(conn net.Conn, beats []bool) {
	buf := make([]byte, 64)
	for _, beat := range beats {
		if !beat {
			if _, err := conn.Read(buf); err != nil {
				return
			}
		}
		conn.Write(buf) // want `error of conn.Write is discarded in a loop`
	}
}

// fileConn is a connection that can copy from a reader into itself, as
// *net.TCPConn does.
type fileConn interface {
	net.Conn
	ReadFrom(r io.Reader) (int64, error)
}

// sendFiles writes a header, then copies a file into the connection with
// ReadFrom, which writes to conn: no read from conn paces the loop.
// Reported.
func sendFiles(conn fileConn, files []io.Reader, hdr []byte) {
	for _, f := range files {
		conn.Write(hdr) // want `error of conn.Write is discarded in a loop`
		if _, err := conn.ReadFrom(f); err != nil {
			return
		}
	}
}

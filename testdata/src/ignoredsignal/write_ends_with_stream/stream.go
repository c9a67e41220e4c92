// Package write_ends_with_stream proves that a write in a loop is not
// reported when the loop cannot run again before it waits in a select on
// the Done channel of the stream's own context (a gRPC stream's Context(),
// the Request.Context() of the request whose ResponseWriter is written, or
// a context derived from them): that context is cancelled when the peer
// goes away, which ends the loop. A context of something else, a loop that
// waits on the stream's context only on some ways round, and a poll of it
// with a default stay reported.
package write_ends_with_stream

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

type Entry struct{ Text string }

// relay forwards entries to a server stream from a goroutine that waits on
// a context derived from the stream's. Not reported.
func relay(stream grpc.ServerStreamingServer[Entry], entries chan *Entry) error {
	ctx, cancel := context.WithCancel(stream.Context())
	defer cancel()
	go func() {
		for {
			select {
			case e, ok := <-entries:
				if !ok {
					return
				}
				stream.Send(e)
			case <-ctx.Done():
				return
			}
		}
	}()
	<-ctx.Done()
	return nil
}

// events streams server-sent events until the client goes away. Not
// reported.
func events(send chan []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for {
			select {
			case msg, ok := <-send:
				if !ok {
					return
				}
				w.Write(msg)
			case <-r.Context().Done():
				return
			}
		}
	}
}

// relayOther waits on a context that is not the stream's: the loop goes
// on after the stream failed. Reported.
func relayOther(ctx context.Context, stream grpc.ServerStreamingServer[Entry], entries chan *Entry) {
	for {
		select {
		case e := <-entries:
			stream.Send(e) // want `error of stream.Send is discarded in a loop`
		case <-ctx.Done():
			return
		}
	}
}

// eventsPolled only polls the request's context: the loop waits on send
// alone, and goes on writing to a client that is gone. Reported.
func eventsPolled(w http.ResponseWriter, r *http.Request, send chan []byte) {
	for msg := range send {
		select {
		case <-r.Context().Done():
			return
		default:
		}
		w.Write(msg) // want `error of w.Write is discarded in a loop`
	}
}

// eventsSomeWays waits on the request's context only after some writes.
// Reported.
func eventsSomeWays(w http.ResponseWriter, r *http.Request, send chan []byte) {
	for msg := range send {
		w.Write(msg) // want `error of w.Write is discarded in a loop`
		if len(msg) > 1024 {
			select {
			case <-r.Context().Done():
				return
			case <-send:
			}
		}
	}
}

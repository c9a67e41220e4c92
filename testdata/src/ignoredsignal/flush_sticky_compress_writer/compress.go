// Package flush_sticky_compress_writer proves that an ignored Flush of a
// compressing writer (compress/gzip, compress/zlib, compress/flate) whose
// failure a later checked call through the same field sees is not
// reported: these writers keep their first error, as *bufio.Writer does,
// and return it from every later Write, Flush and Close. Two forms: a
// response writer whose Flush() (http.Flusher's, with no error to return)
// flushes the gzip stream and whose Close returns the stream's Close error;
// and a file output holding its writer as an io.Writer field, flushed on a
// timer through a type assertion (*gzip.Writer or *bufio.Writer), whose
// Write returns the field's write errors. The nearest true positives stay
// reported: the same writers when no later call through the field is
// checked.
package flush_sticky_compress_writer

import (
	"bufio"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

type gzipResponseWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w *gzipResponseWriter) Write(b []byte) (int, error) { return w.gz.Write(b) }

func (w *gzipResponseWriter) Flush() {
	w.gz.Flush() // ok: gz keeps the error; Close below returns it
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *gzipResponseWriter) Close() error { return w.gz.Close() }

type fileOutput struct {
	sync.Mutex
	name   string
	file   *os.File
	writer io.Writer
}

func newFileOutput(f *os.File, gz bool) *fileOutput {
	o := &fileOutput{file: f, name: f.Name()}
	if gz {
		o.writer = gzip.NewWriter(f)
	} else {
		o.writer = bufio.NewWriter(f)
	}
	go func() {
		for {
			time.Sleep(100 * time.Millisecond)
			o.flush()
		}
	}()
	return o
}

func (o *fileOutput) flush() {
	o.Lock()
	defer o.Unlock()
	if strings.HasSuffix(o.name, ".gz") {
		o.writer.(*gzip.Writer).Flush() // ok: the next write through o.writer returns the error
	} else {
		o.writer.(*bufio.Writer).Flush() // ok: the same, bufio's error is sticky
	}
}

func (o *fileOutput) Write(p []byte) (int, error) {
	o.Lock()
	defer o.Unlock()
	return o.writer.Write(p)
}

// lossyResponseWriter drops the stream's errors everywhere: a failed Flush
// is lost unseen.
type lossyResponseWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (w *lossyResponseWriter) Write(b []byte) (int, error) {
	w.gz.Write(b)
	return len(b), nil
}

func (w *lossyResponseWriter) Flush() {
	w.gz.Flush() // want `error of w.gz.Flush is discarded`
}

func (w *lossyResponseWriter) Close() {
	w.gz.Close()
}

// lossyOutput writes through its field without looking at the result.
type lossyOutput struct {
	writer io.Writer
}

func (o *lossyOutput) flush() {
	o.writer.(*gzip.Writer).Flush() // want `error of o.writer.\(\*gzip.Writer\).Flush is discarded`
}

func (o *lossyOutput) Write(p []byte) (int, error) {
	o.writer.Write(p)
	return len(p), nil
}

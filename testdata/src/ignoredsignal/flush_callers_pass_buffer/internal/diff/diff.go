// Package diff is internal: its exported functions are called only from
// within the module, and here only with in-memory writers.
package diff

import (
	"bufio"
	"bytes"
	"io"
	"os"
)

// WriteUnified writes a diff; its one caller passes a *bytes.Buffer.
func WriteUnified(w io.Writer, a, b string) error {
	buf := bufio.NewWriter(w)
	defer buf.Flush() // ok: its only caller passes a bytes.Buffer
	if _, err := buf.WriteString("-" + a + "\n"); err != nil {
		return err
	}
	_, err := buf.WriteString("+" + b + "\n")
	return err
}

func UnifiedString(a, b string) (string, error) {
	w := &bytes.Buffer{}
	err := WriteUnified(w, a, b)
	return w.String(), err
}

// WriteContext is also called with a file.
func WriteContext(w io.Writer, a string) error {
	buf := bufio.NewWriter(w)
	defer buf.Flush() // want `error of buf.Flush is discarded`
	_, err := buf.WriteString(a)
	return err
}

func ContextString(a string) string {
	w := &bytes.Buffer{}
	_ = WriteContext(w, a)
	_ = WriteContext(os.Stdout, a)
	return w.String()
}

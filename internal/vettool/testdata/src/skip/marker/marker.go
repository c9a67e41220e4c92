// Package marker declares a signal with the marker.
package marker

import "strings"

// Trim keeps an import, so that the package is not skipped for having none.
var Trim = strings.TrimSpace

// Offer reports whether v was taken.
//
//bplint:signal
func Accept(v int) bool { return v > 0 }

// Package ui embeds files a build step generates (app/dist is not in the
// tree): go list reports the package as not loading, and go vet, given
// it, refuses to run at all.
package ui

import "embed"

//go:embed app/dist
var files embed.FS

// Files returns the embedded files.
func Files() embed.FS { return files }

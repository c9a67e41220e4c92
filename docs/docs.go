// Package docs holds bplint's documentation pages, one per rule
// (docs/<rule>.md) and per analyzer, embedded so that the command prints
// them offline (bplint help RULE, bplint -explain RULE). The package lives
// with the pages, so the binary embeds these very files and never a copy.
package docs

import (
	"embed"
	"io/fs"
)

//go:embed *.md
var pages embed.FS

// Page returns the page name (a rule id, an analyzer name, or another page
// such as "suppression"), as written in docs/<name>.md.
func Page(name string) (string, bool) {
	if !fs.ValidPath(name) {
		return "", false
	}
	b, err := pages.ReadFile(name + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}

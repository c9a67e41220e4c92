package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bplint/bplint/internal/finding"
	"github.com/bplint/bplint/internal/output"
)

// writeReport writes the findings in the chosen format, to -o or stdout.
// Text names files relative to the working directory; json by their
// absolute names, as go vet -json does; sarif, github and rdjsonl relative
// to the repository root (what GitHub and reviewdog resolve them
// against), or -path-prefix joined to the name relative to the working
// directory.
func writeReport(res *result, o options, stdout io.Writer) error {
	r := output.Report{Tool: tool(), Root: res.root, Findings: res.findings, Errors: res.errors}
	switch o.format {
	case "json":
		r.Findings = renamed(res.findings, func(abs, _ string) string { return abs })
	case "sarif", "github", "rdjsonl":
		base, name := ciNames(res.root, o.pathPrefix)
		r.Root = base
		r.Findings = renamed(res.findings, name)
	}
	abs := make(map[string]string) // displayed name -> file
	for _, f := range r.Findings {
		abs[f.File] = f.Path
		for _, rel := range f.Related {
			abs[rel.File] = rel.Path
		}
		for _, fx := range f.Fixes {
			for _, e := range fx.Edits {
				abs[e.File] = e.Path
			}
		}
	}
	r.RuneColumn = func(file string, line, col int) int {
		if a, ok := abs[file]; ok {
			file = a
		}
		return res.src.runeColumn(file, line, col)
	}
	var buf bytes.Buffer
	if err := output.Write(&buf, o.format, r); err != nil {
		return fmt.Errorf("writing output: %v", err)
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, buf.Bytes(), 0o666); err != nil {
			return fmt.Errorf("-o: %v", err)
		}
		return nil
	}
	_, err := stdout.Write(buf.Bytes())
	return err
}

// ciNames returns the directory CI paths are relative to and the naming
// function: with prefix, prefix joined to the name relative to the
// working directory wd; without, the name relative to the repository root
// above wd (the nearest directory with a .git), or to wd outside any
// repository. Files outside that root keep their absolute names.
func ciNames(wd, prefix string) (string, func(abs, rel string) string) {
	if prefix != "" {
		prefix = strings.Trim(filepath.ToSlash(prefix), "/")
		base := ""
		if slash := filepath.ToSlash(wd); strings.HasSuffix(slash, "/"+prefix) {
			base = filepath.FromSlash(strings.TrimSuffix(slash, "/"+prefix))
		}
		return base, func(_, rel string) string { return path.Join(prefix, filepath.ToSlash(rel)) }
	}
	root := repoRoot(wd)
	return root, func(abs, _ string) string {
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return abs
		}
		return filepath.ToSlash(rel)
	}
}

// repoRoot returns the top of the work tree holding dir: the nearest
// directory at or above dir with a .git (a directory, or a file in a
// linked work tree or submodule), or dir itself.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// renamed returns copies of fs with every displayed name given by name
// (called with the absolute name and the one relative to the working
// directory).
func renamed(fs []finding.Finding, name func(abs, rel string) string) []finding.Finding {
	out := make([]finding.Finding, len(fs))
	for i, f := range fs {
		f.File = name(f.Path, f.File)
		f.Related = append([]finding.Related(nil), f.Related...)
		for j := range f.Related {
			f.Related[j].File = name(f.Related[j].Path, f.Related[j].File)
		}
		f.Fixes = append([]finding.Fix(nil), f.Fixes...)
		for j := range f.Fixes {
			f.Fixes[j].Edits = append([]finding.Edit(nil), f.Fixes[j].Edits...)
			for k := range f.Fixes[j].Edits {
				e := &f.Fixes[j].Edits[k]
				e.File = name(e.Path, e.File)
			}
		}
		out[i] = f
	}
	return out
}

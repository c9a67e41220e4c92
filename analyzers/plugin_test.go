package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/analyzers"
)

func TestDecodeSettings(t *testing.T) {
	cfg, err := analyzers.DecodeSettings(map[string]any{
		"ignoredsignal":  map[string]any{"strict": true, "signals": []any{"example.com/bus.Publish"}, "disable": []any{"silent-drop"}},
		"unboundedqueue": map[string]any{"disable": []any{"slice-queue"}},
	})
	require.NoError(t, err)
	assert.True(t, cfg.IgnoredSignal.Strict)
	assert.Equal(t, []string{"example.com/bus.Publish"}, cfg.IgnoredSignal.Signals)
	assert.Equal(t, []string{"silent-drop"}, cfg.IgnoredSignal.Disable)
	assert.Equal(t, []string{"slice-queue"}, cfg.UnboundedQueue.Disable)

	empty, err := analyzers.DecodeSettings(nil)
	require.NoError(t, err)
	assert.Equal(t, analyzers.Config{}, empty)
}

func TestDecodeSettingsRejectsUnknownKeys(t *testing.T) {
	_, err := analyzers.DecodeSettings(map[string]any{"strictt": true})
	require.ErrorContains(t, err, `unknown field "strictt"`)

	_, err = analyzers.DecodeSettings(map[string]any{"ignoredsignal": map[string]any{"stric": true}})
	require.ErrorContains(t, err, `unknown field "stric"`)
	assert.ErrorContains(t, err, "known keys: ignoredsignal{signals,strict,disable", "the known keys come from the Config types")
}

func TestDecodeSettingsValidates(t *testing.T) {
	_, err := analyzers.DecodeSettings(map[string]any{"unboundedqueue": map[string]any{"disable": []any{"silent-drop"}}})
	require.ErrorContains(t, err, `unboundedqueue: disable: unknown rule "silent-drop"`)

	_, err = analyzers.DecodeSettings(map[string]any{"ignoredsignal": map[string]any{"signals": []any{"NoPackage"}}})
	require.ErrorContains(t, err, `is not of the form`)
}

func TestPluginIsRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("bplint")
	require.NoError(t, err)
	p, err := newPlugin(map[string]any{"ignoredsignal": map[string]any{"strict": true}})
	require.NoError(t, err)
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	as, err := p.BuildAnalyzers()
	require.NoError(t, err)
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	assert.Equal(t, []string{"ignoredsignal", "unboundedqueue"}, names)

	_, err = newPlugin(map[string]any{"nope": 1})
	require.Error(t, err)
}

// TestNogoReady: Bazel nogo wants each analyzer package's exported
// Analyzer; analyzers.All holds exactly those, complete, one per analyzer
// package that analyzers.go imports, and docs/nogo.md lists each as a dep.
func TestNogoReady(t *testing.T) {
	const module = "github.com/bplint/bplint/"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "analyzers.go", nil, parser.ImportsOnly)
	require.NoError(t, err)
	var pkgs []string
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		require.NoError(t, err)
		if strings.HasPrefix(path, module) {
			pkgs = append(pkgs, strings.TrimPrefix(path, module))
		}
	}
	require.NotEmpty(t, pkgs)

	require.Len(t, analyzers.All, len(pkgs), "analyzers.All has one Analyzer per imported analyzer package %v", pkgs)
	names := map[string]bool{}
	for _, a := range analyzers.All {
		require.NotNil(t, a)
		assert.NotEmpty(t, a.Name)
		assert.NotEmpty(t, a.Doc)
		assert.NotEmpty(t, a.URL)
		assert.NotNil(t, a.Run)
		names[a.Name] = true
	}

	nogoDoc, err := os.ReadFile(filepath.Join("..", "docs", "nogo.md"))
	require.NoError(t, err)
	for _, pkg := range pkgs {
		assert.True(t, names[path.Base(pkg)], "analyzer %q (package %s) is in analyzers.All", path.Base(pkg), pkg)
		assert.True(t, exportsVarAnalyzer(t, filepath.Join("..", filepath.FromSlash(pkg))), "package %s exports var Analyzer", pkg)
		assert.Contains(t, string(nogoDoc), "@com_github_bplint_bplint//"+pkg+"\"", "docs/nogo.md lists %s as a nogo dep", pkg)
	}
}

// exportsVarAnalyzer reports whether the non-test files of the package in
// dir declare a package-level var Analyzer, the name nogo looks up.
func exportsVarAnalyzer(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				for _, id := range s.(*ast.ValueSpec).Names {
					if id.Name == "Analyzer" {
						return true
					}
				}
			}
		}
	}
	return false
}

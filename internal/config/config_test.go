package config

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/analyzers"
)

func write(t *testing.T, dir, text string) string {
	t.Helper()
	name := filepath.Join(dir, FileName)
	require.NoError(t, os.WriteFile(name, []byte(text), 0o666))
	return name
}

func TestLoadAndLayers(t *testing.T) {
	dir := t.TempDir()
	f, err := Load(write(t, dir, `
checks: all,-silent-drop
ignoredsignal:
  strict: true
  signals: [example.com/bus.Publish]
unboundedqueue:
  disable: [list-queue]
overrides:
  - paths: [internal/legacy]
    checks: [-slice-queue]
    ignoredsignal: {strict: false}
  - paths: "cmd/*"
    checks: silent-drop
`))
	require.NoError(t, err)
	assert.Equal(t, dir, f.Dir)
	assert.Equal(t, []string{"all", "-silent-drop"}, f.Top.Checks)
	assert.JSONEq(t, `{"ignoredsignal": {"strict": true, "signals": ["example.com/bus.Publish"]}, "unboundedqueue": {"disable": ["list-queue"]}}`, mustJSON(t, f.Top.Options))

	assert.Len(t, f.Layers(dir), 1, "the top level only")
	assert.Len(t, f.Layers(filepath.Join(dir, "internal")), 1)
	legacy := f.Layers(filepath.Join(dir, "internal", "legacy", "deep"))
	require.Len(t, legacy, 2, "an override covers the directories below its path")
	assert.Equal(t, []string{"-slice-queue"}, legacy[1].Checks)
	assert.JSONEq(t, `{"ignoredsignal": {"strict": false}}`, mustJSON(t, legacy[1].Options))
	cmd := f.Layers(filepath.Join(dir, "cmd", "tool"))
	require.Len(t, cmd, 2, "wildcards match a directory")
	assert.Equal(t, []string{"silent-drop"}, cmd[1].Checks)
	assert.Len(t, f.Layers(filepath.Dir(dir)), 1, "directories outside the file's get the top level")
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestLoadErrors(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown top-level key":  {"checks: all\nignoredsignals:\n  strict: true\n", `2:1: unknown key "ignoredsignals" (known: checks, ignoredsignal, overrides, strict, test-load, unboundedqueue)`},
		"unknown option":         {"ignoredsignal:\n  strictt: true\n", `2:3: unknown key "strictt" in ignoredsignal (known: `},
		"unknown override key":   {"overrides:\n  - paths: [a]\n    chekcs: all\n", `3:5: overrides: unknown key "chekcs"`},
		"wrong type":             {"unboundedqueue:\n  strict: yes please\n", `2:11: unboundedqueue.strict: want true or false`},
		"list wanted":            {"ignoredsignal:\n  signals: {a: b}\n", `ignoredsignal.signals: want a list of strings`},
		"unknown rule":           {"unboundedqueue:\n  disable: [silent-drop]\n", `unboundedqueue: disable: unknown rule "silent-drop"`},
		"unknown check":          {"checks: all,-silent-dorp\n", `1:9: checks: "silent-dorp" matches no rule`},
		"override without paths": {"overrides:\n  - checks: all\n", `2:5: overrides: an override needs paths`},
		"path outside":           {"overrides:\n  - paths: [../x]\n", `want a directory below the file's`},
		"not YAML":               {"checks: [all\n", `yaml:`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(write(t, t.TempDir(), tc.text))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.Contains(err.Error(), FileName), "the error names the file: %v", err)
		})
	}
}

// TestSharedOption: an option every analyzer has (test-load) can be given
// once at the top level; an analyzer's own section overrides it.
func TestSharedOption(t *testing.T) {
	dir := t.TempDir()
	f, err := Load(write(t, dir, "test-load: true\nunboundedqueue:\n  test-load: false\n  strict: true\n"))
	require.NoError(t, err)
	cfg, err := Decode(f.Top.Options)
	require.NoError(t, err)
	assert.True(t, cfg.IgnoredSignal.TestLoad)
	assert.False(t, cfg.UnboundedQueue.TestLoad)
	assert.True(t, cfg.UnboundedQueue.Strict)
	assert.False(t, cfg.IgnoredSignal.Strict)
}

func TestEmptyFile(t *testing.T) {
	f, err := Load(write(t, t.TempDir(), "# nothing yet\n"))
	require.NoError(t, err)
	assert.Empty(t, f.Top.Checks)
	assert.Empty(t, f.Overrides)
}

func TestFindLooksUpwards(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "a", "b")
	require.NoError(t, os.MkdirAll(deep, 0o777))
	name := write(t, dir, "checks: all\n")
	got, err := Find(deep)
	require.NoError(t, err)
	assert.Equal(t, name, got)

	nearer := write(t, filepath.Join(dir, "a"), "checks: all\n")
	got, err = Find(deep)
	require.NoError(t, err)
	assert.Equal(t, nearer, got, "the nearest file wins")
}

// TestSchemaFollowsTheAnalyzers: the keys of the file are the JSON names of
// the analyzers' Config fields, and every analyzer flag -A.k is the key k
// of analyzer A, so the flags, golangci-lint settings and this file agree
// without a list kept by hand.
func TestSchemaFollowsTheAnalyzers(t *testing.T) {
	schema := Schema()
	for _, a := range analyzers.All {
		require.Contains(t, schema, a.Name, "analyzers.Config has a field named %s", a.Name)
	}
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	var cfg analyzers.Config
	cfg.RegisterFlags(fs)
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		a, k, ok := strings.Cut(f.Name, ".")
		require.True(t, ok, f.Name)
		assert.Contains(t, schema[a], k, "flag -%s is option %s of %s", f.Name, k, a)
		_, err := Field(cfg, a, k)
		assert.NoError(t, err)
	})
	assert.Positive(t, n)
	for a, keys := range schema {
		for k := range keys {
			assert.NotNil(t, fs.Lookup(a+"."+k), "option %s.%s has the flag -%s.%s", a, k, a, k)
		}
	}
}

func TestDecodeAndField(t *testing.T) {
	cfg, err := Decode(Options{"ignoredsignal": {"strict": json.RawMessage("true")}})
	require.NoError(t, err)
	assert.True(t, cfg.IgnoredSignal.Strict)
	raw, err := Field(cfg, "ignoredsignal", "strict")
	require.NoError(t, err)
	assert.Equal(t, "true", string(raw))
	raw, err = Field(cfg, "unboundedqueue", "disable")
	require.NoError(t, err)
	assert.Equal(t, "null", string(raw))

	_, err = Decode(Options{"ignoredsignal": {"nope": json.RawMessage("1")}})
	assert.ErrorContains(t, err, `unknown field "nope"`)
}

func TestMerge(t *testing.T) {
	o := Options{"ignoredsignal": {"strict": json.RawMessage("true"), "signals": json.RawMessage(`["a.B"]`)}}
	o.Merge(Options{"ignoredsignal": {"strict": json.RawMessage("false")}, "unboundedqueue": {"strict": json.RawMessage("true")}})
	assert.JSONEq(t, `{"ignoredsignal": {"strict": false, "signals": ["a.B"]}, "unboundedqueue": {"strict": true}}`, mustJSON(t, o))
}

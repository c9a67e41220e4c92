package analyzers_test

import (
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

// TestNogoReady: Bazel nogo wants each analyzer package's exported Analyzer;
// analyzers.All holds exactly those, complete.
func TestNogoReady(t *testing.T) {
	require.Len(t, analyzers.All, 2)
	for _, a := range analyzers.All {
		require.NotNil(t, a)
		assert.NotEmpty(t, a.Name)
		assert.NotEmpty(t, a.Doc)
		assert.NotEmpty(t, a.URL)
		assert.NotNil(t, a.Run)
	}
}

// Package config answers "what does the repository's .bplint.yml ask for in
// a directory?": the file is found from the working directory upwards, and
// holds a rule selection (checks), the analyzers' options and per-directory
// overrides of both:
//
//	checks: all,-silent-drop          # or a list; see internal/checks
//	ignoredsignal:
//	  strict: true
//	  signals: [example.com/bus.Publish]
//	unboundedqueue:
//	  disable: [list-queue]
//	overrides:
//	  - paths: [internal/legacy, "cmd/*"]
//	    checks: -slice-queue
//	    ignoredsignal: {strict: false}
//
// The option keys are not listed here: they are the JSON names of the
// fields of analyzers.Config (one key per analyzer) and of each analyzer's
// Config, found by reflection, so an option added to an analyzer is a key
// of the file at once. Unknown keys are an error naming the key, its line
// and the known ones.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bplint/bplint/analyzers"
	"github.com/bplint/bplint/internal/checks"
)

// FileName is the name of the file looked for.
const FileName = ".bplint.yml"

// Options holds analyzer options as JSON values: analyzer -> key -> value,
// the form golangci-lint settings and analyzers.Config's JSON share.
type Options map[string]map[string]json.RawMessage

// Merge sets in o every option of over; a key set in both takes over's.
func (o Options) Merge(over Options) {
	for a, kv := range over {
		if o[a] == nil {
			o[a] = make(map[string]json.RawMessage)
		}
		for k, v := range kv {
			o[a][k] = v
		}
	}
}

// A Layer is one level of settings: the file's top level, or an override.
type Layer struct {
	Checks  []string // terms, applied to the selection inherited
	Options Options
}

// A File is a loaded configuration file.
type File struct {
	Path      string // absolute
	Dir       string // its directory: override paths are relative to it
	Top       Layer
	Overrides []Override
}

// An Override applies to the packages in its directories and below.
type Override struct {
	Paths []string // slash-separated, relative to File.Dir, path.Match wildcards allowed
	Layer
}

// Find returns the configuration file of dir: FileName in dir or the
// nearest directory above it, or "" if there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		name := filepath.Join(dir, FileName)
		if _, err := os.Stat(name); err == nil {
			return name, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Layers returns the layers that apply to the package directory dir, in
// the order they apply: the top level, then each matching override in the
// order of the file.
func (f *File) Layers(dir string) []Layer {
	out := []Layer{f.Top}
	rel, err := filepath.Rel(f.Dir, dir)
	if err != nil {
		return out
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return out
	}
	for _, o := range f.Overrides {
		if slices.ContainsFunc(o.Paths, func(p string) bool { return covers(p, rel) }) {
			out = append(out, o.Layer)
		}
	}
	return out
}

// covers reports whether the override path p covers the package directory
// rel: rel is p, lies below it, or an ancestor of rel (or rel) matches
// the wildcard p.
func covers(p, rel string) bool {
	if p == "." {
		return true
	}
	for a := rel; a != "." && a != ""; a = path.Dir(a) {
		if ok, _ := path.Match(p, a); ok {
			return true
		}
	}
	return false
}

// Load reads and checks the file name.
func Load(name string) (*File, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	f, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%v", name, err)
	}
	f.Path, f.Dir = abs, filepath.Dir(abs)
	return f, nil
}

// posError is an error at a line and column of the file.
type posError struct {
	line, col int
	msg       string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

func errorAt(n *yaml.Node, format string, args ...any) error {
	return &posError{n.Line, n.Column, fmt.Sprintf(format, args...)}
}

func parse(data []byte) (*File, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err == io.EOF {
		return &File{}, nil // an empty file asks for nothing
	} else if err != nil {
		return nil, fmt.Errorf(" %v", err)
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return &File{}, nil
	}
	f := &File{}
	top, err := layer(root, "", []string{"checks", "overrides"}, func(key, value *yaml.Node) error {
		if key.Value != "overrides" {
			return nil
		}
		if value.Kind != yaml.SequenceNode {
			return errorAt(value, "overrides: want a list of {paths, checks, options}")
		}
		for _, item := range value.Content {
			o, err := override(item)
			if err != nil {
				return err
			}
			f.Overrides = append(f.Overrides, o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	f.Top = top
	return f, nil
}

func override(n *yaml.Node) (Override, error) {
	var o Override
	var sawPaths bool
	l, err := layer(n, "overrides: ", []string{"paths", "checks"}, func(key, value *yaml.Node) error {
		if key.Value != "paths" {
			return nil
		}
		sawPaths = true
		ps, err := stringList(value)
		if err != nil {
			return errorAt(value, "overrides: paths: %v", err)
		}
		for _, p := range ps {
			clean := path.Clean(strings.TrimSuffix(filepath.ToSlash(p), "/..."))
			if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
				return errorAt(value, "overrides: paths: %q: want a directory below the file's", p)
			}
			if _, err := path.Match(clean, ""); err != nil {
				return errorAt(value, "overrides: paths: %q: %v", p, err)
			}
			o.Paths = append(o.Paths, clean)
		}
		return nil
	})
	if err != nil {
		return o, err
	}
	if !sawPaths || len(o.Paths) == 0 {
		return o, errorAt(n, "overrides: an override needs paths")
	}
	o.Layer = l
	return o, nil
}

// layer reads a mapping of checks, analyzer options and the extra keys,
// which it hands to other.
func layer(n *yaml.Node, where string, extra []string, other func(key, value *yaml.Node) error) (Layer, error) {
	l := Layer{Options: Options{}}
	var sharedKeys []string
	if n.Kind != yaml.MappingNode {
		return l, errorAt(n, "%swant a mapping of %s", where, strings.Join(known(extra), ", "))
	}
	schema := Schema()
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		switch opts, isAnalyzer := schema[key.Value]; {
		case key.Value == "checks":
			terms, err := stringList(value)
			if err != nil {
				return l, errorAt(value, "%schecks: %v", where, err)
			}
			terms = checks.Split(strings.Join(terms, ","))
			if _, err := checks.Apply(nil, terms); err != nil {
				return l, errorAt(value, "%s%v", where, err)
			}
			l.Checks = terms
		case isAnalyzer:
			kv, err := options(key.Value, value, opts)
			if err != nil {
				return l, err
			}
			for k, v := range l.Options[key.Value] {
				if _, own := kv[k]; !own && slices.Contains(sharedKeys, k) {
					kv[k] = v // given once for every analyzer, above
				}
			}
			l.Options[key.Value] = kv
		case slices.Contains(extra, key.Value):
			if err := other(key, value); err != nil {
				return l, err
			}
		case shared(schema, key.Value):
			// An option every analyzer has (test-load, strict), given
			// once for all of them; an analyzer's own section wins.
			for a, opts := range schema {
				kv, err := options(a, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{key, value}}, opts)
				if err != nil {
					return l, err
				}
				if l.Options[a] == nil {
					l.Options[a] = map[string]json.RawMessage{}
				}
				if _, set := l.Options[a][key.Value]; !set {
					l.Options[a][key.Value] = kv[key.Value]
				}
			}
			sharedKeys = append(sharedKeys, key.Value)
		default:
			return l, errorAt(key, "%sunknown key %q (known: %s)", where, key.Value, strings.Join(known(extra), ", "))
		}
	}
	// Each level must make sense on its own, so that an error points here.
	cfg, err := Decode(l.Options)
	if err == nil {
		err = cfg.Validate()
	}
	if err != nil {
		return l, errorAt(n, "%s%v", where, err)
	}
	return l, nil
}

// shared reports whether every analyzer has the option key, of one type.
func shared(schema map[string]map[string]reflect.Type, key string) bool {
	var typ reflect.Type
	for _, opts := range schema {
		t, ok := opts[key]
		if !ok || (typ != nil && t != typ) {
			return false
		}
		typ = t
	}
	return typ != nil && typ.Kind() == reflect.Bool
}

func known(extra []string) []string {
	keys := slices.Clone(extra)
	for a := range Schema() {
		keys = append(keys, a)
	}
	schema := Schema()
	for _, opts := range schema {
		for k := range opts {
			if shared(schema, k) {
				keys = append(keys, k)
			}
		}
		break // every analyzer has the shared keys: one suffices
	}
	slices.Sort(keys)
	return keys
}

// options reads the options of one analyzer, checking each key and the
// type of its value against the analyzer's Config.
func options(analyzer string, n *yaml.Node, schema map[string]reflect.Type) (map[string]json.RawMessage, error) {
	keys := make([]string, 0, len(schema))
	for k := range schema {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if n.Kind != yaml.MappingNode {
		return nil, errorAt(n, "%s: want a mapping of %s", analyzer, strings.Join(keys, ", "))
	}
	out := make(map[string]json.RawMessage)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		typ, ok := schema[key.Value]
		if !ok {
			return nil, errorAt(key, "unknown key %q in %s (known: %s)", key.Value, analyzer, strings.Join(keys, ", "))
		}
		var v any
		if err := value.Decode(&v); err != nil {
			return nil, errorAt(value, "%s.%s: %v", analyzer, key.Value, err)
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, errorAt(value, "%s.%s: %v", analyzer, key.Value, err)
		}
		if err := json.Unmarshal(raw, reflect.New(typ).Interface()); err != nil {
			return nil, errorAt(value, "%s.%s: want %s", analyzer, key.Value, describe(typ))
		}
		out[key.Value] = raw
	}
	return out, nil
}

func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Uint32:
		return "an integer"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(describe(t.Elem()), "a "), "an ") + "s"
	}
	return "a " + t.String()
}

// stringList reads a string (a comma-separated list is left to the
// caller) or a list of strings.
func stringList(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, errors.New("want a string or a list of strings")
			}
			out = append(out, c.Value)
		}
		return out, nil
	}
	return nil, errors.New("want a string or a list of strings")
}

// Schema returns the option keys of each analyzer and their Go types:
// the JSON names of the fields of analyzers.Config and of each
// analyzer's Config.
func Schema() map[string]map[string]reflect.Type {
	out := make(map[string]map[string]reflect.Type)
	top := reflect.TypeFor[analyzers.Config]()
	for i := range top.NumField() {
		f := top.Field(i)
		name, ok := jsonName(f)
		if !ok || f.Type.Kind() != reflect.Struct {
			continue
		}
		keys := make(map[string]reflect.Type)
		for j := range f.Type.NumField() {
			g := f.Type.Field(j)
			if k, ok := jsonName(g); ok {
				keys[k] = g.Type
			}
		}
		out[name] = keys
	}
	return out
}

func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return "", false
	}
	if name == "" {
		name = f.Name
	}
	return name, true
}

// Decode turns options into an analyzers.Config, unknown keys an error.
func Decode(o Options) (analyzers.Config, error) {
	var cfg analyzers.Config
	data, err := json.Marshal(o)
	if err != nil {
		return cfg, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// Field returns the JSON value of the option key of analyzer in cfg, as
// Options holds it.
func Field(cfg analyzers.Config, analyzer, key string) (json.RawMessage, error) {
	v := reflect.ValueOf(cfg)
	for i := range v.NumField() {
		if name, ok := jsonName(v.Type().Field(i)); ok && name == analyzer {
			a := v.Field(i)
			for j := range a.NumField() {
				if k, ok := jsonName(a.Type().Field(j)); ok && k == key {
					return json.Marshal(a.Field(j).Interface())
				}
			}
		}
	}
	return nil, fmt.Errorf("no option %s.%s", analyzer, key)
}

package vettool

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"slices"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/bplint/bplint/internal/prefilter"
)

// A vetx file is laid out as x/tools' unitchecker writes it, so that each
// can read the other's:
//
//	"vetx" typesLen:uint32 factsLen:uint32 types facts
//
// (little endian) where types is indexed export data (only for a package
// without imports, which an importer analyzed by unitchecker may need)
// and facts the gob encoding of the facts. After them, where unitchecker
// reads nothing, comes the prefilter's index:
//
//	"bplx" indexLen:uint32 index
//
// with index in JSON. A file without it (written by unitchecker) is one
// whose importers are never skipped.
const (
	vetxMagic  = "vetx"
	indexMagic = "bplx"
)

type vetxFile struct {
	facts []byte
	index *prefilter.Index // nil if the file has none
}

// readImports reads the vetx files of the package's direct imports, by
// package path.
func readImports(cfg *Config) (map[string]*vetxFile, error) {
	out := make(map[string]*vetxFile, len(cfg.PackageVetx))
	for path, file := range cfg.PackageVetx {
		v, err := readVetx(file)
		if err != nil {
			return nil, fmt.Errorf("invalid vetx file for %q: %v", path, err)
		}
		out[path] = v
	}
	return out, nil
}

func readVetx(filename string) (*vetxFile, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	if len(data) < 12 {
		return nil, fmt.Errorf("vetx file %s too short", filename)
	}
	if magic := string(data[:4]); magic != vetxMagic {
		return nil, fmt.Errorf("vetx files %s has bad magic: %04x", filename, magic)
	}
	typesLen := binary.LittleEndian.Uint32(data[4:8])
	factsLen := binary.LittleEndian.Uint32(data[8:12])
	end := uint64(12) + uint64(typesLen) + uint64(factsLen)
	if end > uint64(len(data)) {
		return nil, fmt.Errorf("invalid vetx file lengths (header claims 12+%d+%d bytes, got %d)", typesLen, factsLen, len(data))
	}
	v := &vetxFile{facts: data[12+typesLen : end]}
	rest := data[end:]
	if len(rest) >= 8 && string(rest[:4]) == indexMagic {
		n := binary.LittleEndian.Uint32(rest[4:8])
		if uint64(n) > uint64(len(rest)-8) {
			return nil, fmt.Errorf("vetx file %s: index claims %d bytes, got %d", filename, n, len(rest)-8)
		}
		v.index = new(prefilter.Index)
		if err := json.Unmarshal(rest[8:8+n], v.index); err != nil {
			return nil, fmt.Errorf("vetx file %s: index: %v", filename, err)
		}
	}
	return v, nil
}

// writeVetx writes a vetx file; index may be nil.
func writeVetx(filename string, types, facts []byte, index *prefilter.Index) error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var n [4]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(types)))
	buf.Write(n[:])
	binary.LittleEndian.PutUint32(n[:], uint32(len(facts)))
	buf.Write(n[:])
	buf.Write(types)
	buf.Write(facts)
	if index != nil {
		data, err := json.Marshal(index)
		if err != nil {
			return err
		}
		buf.WriteString(indexMagic)
		binary.LittleEndian.PutUint32(n[:], uint32(len(data)))
		buf.Write(n[:])
		buf.Write(data)
	}
	return os.WriteFile(filename, buf.Bytes(), 0o666)
}

// exportTypes returns the package's types as unitchecker's vetx files
// hold them (indexed export data, without gcexportdata's "i" tag).
func exportTypes(fset *token.FileSet, pkg *types.Package) ([]byte, error) {
	var buf bytes.Buffer
	if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
		return nil, err
	}
	return buf.Bytes()[1:], nil
}

func sortedPaths(m map[string]*vetxFile) []string {
	return slices.Sorted(maps.Keys(m))
}

package driver

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/mod/module"
)

// version describes the binary from its build information: the module
// version (a tag, a pseudo-version, or "(devel)" for a build in a
// checkout), the VCS revision and time the go command stamped (or the
// revision a pseudo-version carries), and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return fmt.Sprintf("(no build information) %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	settings := make(map[string]string)
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" && module.IsPseudoVersion(v) {
		rev, _ = module.PseudoVersionRev(v)
	}
	var parts []string
	switch {
	case rev != "":
		r := "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			r += " " + t
		}
		if settings["vcs.modified"] == "true" {
			r += " (modified)"
		}
		parts = append(parts, r)
	default:
		parts = append(parts, "revision unknown (built without VCS information)")
	}
	goos, goarch := settings["GOOS"], settings["GOARCH"]
	if goos == "" {
		goos, goarch = runtime.GOOS, runtime.GOARCH
	}
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	parts = append(parts, goVersion+" "+goos+"/"+goarch)
	return v + ", " + strings.Join(parts, ", ")
}

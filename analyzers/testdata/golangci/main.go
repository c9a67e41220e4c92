// Command custom-gcl is what `golangci-lint custom` builds for a
// .custom-gcl.yml naming the bplint module plugin: golangci-lint's own main
// (cmd/golangci-lint/main.go of the pinned version) plus a blank import of
// the plugin package, added to its plugins.go. Tests build it with a replace
// to this checkout.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The module plugin, as `golangci-lint custom` adds it.
	_ "github.com/bplint/bplint/analyzers"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-custom-bplint", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

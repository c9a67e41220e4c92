package driver

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/bplint/bplint/internal/testproc"
)

// TestInformationalGoLinesDoNotFail: what the go command prints to inform
// (module downloads, "go: found" when -mod=mod adds a missing requirement,
// a C compiler's warning in a cgo package on a cold cache) is passed on
// and never makes the run exit 2.
func TestInformationalGoLinesDoNotFail(t *testing.T) {
	modcache := os.Getenv("GOMODCACHE")
	if modcache == "" {
		out, err := testproc.Command(t, "go", "env", "GOMODCACHE").Output()
		require.NoError(t, err)
		modcache = strings.TrimSpace(string(out))
	}
	if _, err := os.Stat(filepath.Join(modcache, "cache", "download", "golang.org", "x", "sync", "@v", "list")); err != nil {
		t.Skip("golang.org/x/sync is not in the module cache")
	}
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{ // no requirement of golang.org/x/sync
		"limit.go": "package tmp\n\nimport \"golang.org/x/sync/semaphore\"\n\nfunc F(s *semaphore.Weighted) { s.TryAcquire(1) }\n",
	})
	env := []string{
		"GOMODCACHE=" + t.TempDir(), // empty: the module is downloaded ...
		"GOPROXY=file://" + filepath.ToSlash(filepath.Join(modcache, "cache", "download")), // ... from the real cache, offline
		"GOSUMDB=off",
		"GOFLAGS=-mod=mod -modcacherw", // so that t.TempDir can remove the module cache
	}
	stdout, stderr, code := runIn(t, dir, env, self(t), "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stderr, "go: downloading golang.org/x/sync")
	assert.Contains(t, stderr, "go: found golang.org/x/sync/semaphore in golang.org/x/sync")
	assert.Equal(t, []string{"limit.go:5:33 (discarded-signal)"}, lines(t, stdout))

	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler for the cgo case")
	}
	cgo := t.TempDir()
	salt := make([]byte, 8)
	_, err := rand.Read(salt)
	require.NoError(t, err)
	writeModule(t, cgo, map[string]string{ // a new preamble each run: a cold cache for the package
		"c.go": "package tmp\n\n/*\n#warning \"bplint test " + hex.EncodeToString(salt) + "\"\nstatic int one(void) { return 1; }\n*/\nimport \"C\"\n\ntype Queue struct{}\n\nfunc (q *Queue) TrySend(v int) bool { return C.one() == 0 }\n\nfunc Push(q *Queue) { q.TrySend(1) }\n",
	})
	stdout, stderr, code = runIn(t, cgo, []string{"CGO_ENABLED=1"}, self(t), "./...")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stderr, "bplint test "+hex.EncodeToString(salt), "the compiler's warning is passed on")
	assert.Equal(t, []string{"c.go:13:23 (discarded-signal)"}, lines(t, stdout))
}

// TestLoadFailureNextToReport: a package that does not load (a syntax
// error, an import nothing provides) is named with go list's error, the
// packages that load are still analyzed and reported, and the exit status
// is 2.
func TestLoadFailureNextToReport(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"queue.go":           queueGo,
		"use.go":             "package tmp\n\nfunc Use(q *Queue) { q.TrySend(1) }\n",
		"syntax/s.go":        "package syntax\n\nfunc F() {\n",
		"missing/m.go":       "package missing\n\nimport _ \"example.com/nowhere\"\n",
		"testonly/t.go":      "package testonly\n",
		"testonly/t_test.go": "package testonly\n\nimport _ \"example.com/nowhere/either\"\n",
	})
	stdout, stderr, code := bplint(t, dir, "./...")
	assert.Equal(t, exitError, code)
	assert.Equal(t, []string{"use.go:3:22 (discarded-signal)"}, lines(t, stdout), "the package that loads is reported")
	assert.Contains(t, stderr, "bplint: example.com/tmp/syntax: ")
	assert.Contains(t, stderr, "bplint: example.com/tmp/missing: ")
	assert.Contains(t, stderr, "example.com/nowhere")
	assert.Contains(t, stderr, "bplint: example.com/tmp/testonly: ", "a test file's import counts")

	stdout, _, code = bplint(t, dir, "-json", "./...")
	assert.Equal(t, exitError, code)
	var tree map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(stdout), &tree))
	assert.Contains(t, string(tree["example.com/tmp/syntax"]["load"]), "error")
	assert.Contains(t, tree["example.com/tmp"], "ignoredsignal")
}

// TestNestedModulePaths: with the module in a subdirectory of a git
// repository, sarif, github and rdjsonl name files from the repository
// root (where GitHub puts annotations), text from the working directory;
// -path-prefix overrides; a file outside the working directory has a
// relative name in text.
func TestNestedModulePaths(t *testing.T) {
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	mod := filepath.Join(repo, "services", "api")
	writeModule(t, mod, map[string]string{
		"queue.go":       queueGo,
		"use.go":         "package tmp\n\nfunc Use(q *Queue) { q.TrySend(1) }\n",
		"inner/inner.go": "package inner\n\nimport \"example.com/tmp\"\n\nfunc Inner(q *tmp.Queue) { q.TrySend(2) }\n",
	})
	stdout, stderr, code := bplint(t, mod, "-format", "github", "./...")
	require.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stdout, "::warning file=services/api/inner/inner.go,line=5,")
	assert.Contains(t, stdout, "::warning file=services/api/use.go,line=3,")

	stdout, _, _ = bplint(t, mod, "-format", "rdjsonl", "./...")
	assert.Contains(t, stdout, `"path":"services/api/use.go"`)

	stdout, _, _ = bplint(t, mod, "-format", "sarif", "./...")
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &log))
	assert.Equal(t, "file://"+filepath.ToSlash(repo)+"/", log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI)
	assert.Equal(t, "services/api/inner/inner.go", log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)

	stdout, _, _ = bplint(t, mod, "-format", "github", "-path-prefix", "backend", "./...")
	assert.Contains(t, stdout, "::warning file=backend/use.go,line=3,", "-path-prefix replaces the repository-relative name")

	stdout, _, _ = bplint(t, mod, "./...")
	assert.Equal(t, []string{"inner/inner.go:5:28 (discarded-signal)", "use.go:3:22 (discarded-signal)"}, lines(t, stdout), "text is relative to the working directory")

	stdout, stderr, code = bplint(t, filepath.Join(mod, "inner"), "../...")
	require.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"../use.go:3:22 (discarded-signal)", "inner.go:5:28 (discarded-signal)"}, lines(t, stdout), "a file outside the working directory is named relative to it")
}

// allRules is a module with one finding of each of several rules of both
// analyzers, in two directories.
func allRules(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"queue.go":    queueGo,
		"signal.go":   "package tmp\n\nfunc Signal(q *Queue) { q.TrySend(1) }\n",
		"drop.go":     "package tmp\n\nfunc Drop(ch chan int, v int) {\n\tselect {\n\tcase ch <- v:\n\tdefault:\n\t}\n}\n",
		"spawn.go":    "package tmp\n\nfunc Spawn(in <-chan int) {\n\tfor v := range in {\n\t\tgo work(v)\n\t}\n}\n\nfunc work(int) {}\n",
		"legacy/l.go": "package legacy\n\nimport \"example.com/tmp\"\n\nfunc L(q *tmp.Queue, ch chan int, v int) {\n\tq.TrySend(1)\n\tselect {\n\tcase ch <- v:\n\tdefault:\n\t}\n}\n",
	})
	return dir
}

// rulesOf returns the rules of the text findings, in order.
func rulesOf(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, l := range lines(t, out) {
		_, rule, _ := strings.Cut(l, " ")
		got = append(got, strings.Trim(rule, "()"))
	}
	return got
}

func TestChecks(t *testing.T) {
	dir := allRules(t)
	stdout, stderr, code := bplint(t, dir, "./...")
	require.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"silent-drop", "discarded-signal", "silent-drop", "discarded-signal", "goroutine-per-item"}, rulesOf(t, stdout))

	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-checks", "all,-silent-drop"}, []string{"discarded-signal", "discarded-signal", "goroutine-per-item"}},
		{[]string{"-checks", "-silent-drop"}, []string{"discarded-signal", "discarded-signal", "goroutine-per-item"}},
		{[]string{"-checks", "unboundedqueue"}, []string{"goroutine-per-item"}},
		{[]string{"-checks", "silent-*"}, []string{"silent-drop", "silent-drop"}},
		{[]string{"-checks", "discarded-signal", "-checks", "goroutine-per-item"}, []string{"discarded-signal", "discarded-signal", "goroutine-per-item"}},
		{[]string{"-unboundedqueue"}, []string{"goroutine-per-item"}},
		{[]string{"-ignoredsignal=false"}, []string{"goroutine-per-item"}},
		{[]string{"-ignoredsignal", "-checks", "-silent-drop"}, []string{"discarded-signal", "discarded-signal"}},
		{[]string{"-ignoredsignal.disable=discarded-signal", "-checks", "ignoredsignal"}, []string{"silent-drop", "silent-drop"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, stderr, code := bplint(t, dir, append(tc.args, "./...")...)
			require.Equal(t, exitFindings, code, stderr)
			assert.Equal(t, tc.want, rulesOf(t, stdout))
		})
	}

	_, stderr, code = bplint(t, dir, "-checks", "all,-silent-dorp", "./...")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, `"silent-dorp" matches no rule`)
}

func TestConfigFile(t *testing.T) {
	dir := allRules(t)
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666))
	}
	write(".bplint.yml", `# rule selection, options and an override for legacy/
checks: all,-goroutine-per-item
ignoredsignal:
  strict: false
overrides:
  - paths: [legacy]
    checks: -silent-drop
`)
	stdout, stderr, code := bplint(t, dir, "./...")
	require.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"silent-drop", "discarded-signal", "discarded-signal"}, rulesOf(t, stdout), "no goroutine-per-item anywhere, no silent-drop in legacy/")
	assert.True(t, strings.HasPrefix(lines(t, stdout)[1], "legacy/l.go:6:"), stdout)

	stdout, _, _ = bplint(t, filepath.Join(dir, "legacy"), "./...")
	assert.Equal(t, []string{"discarded-signal"}, rulesOf(t, stdout), "found from the working directory upwards")

	stdout, _, _ = bplint(t, dir, "-checks", "-discarded-signal", "./...")
	assert.Equal(t, []string{"silent-drop"}, rulesOf(t, stdout), "-checks applies on top of the file")
	stdout, _, _ = bplint(t, dir, "-checks", "goroutine-per-item", "./...")
	assert.Equal(t, []string{"goroutine-per-item"}, rulesOf(t, stdout), "flags override the file")

	other := filepath.Join(t.TempDir(), "other.yml")
	require.NoError(t, os.WriteFile(other, []byte("checks: [unboundedqueue]\n"), 0o666))
	stdout, _, _ = bplint(t, dir, "-config", other, "./...")
	assert.Equal(t, []string{"goroutine-per-item"}, rulesOf(t, stdout), "-config names another file")

	// An override that changes an option: legacy/ runs in a go vet of its own.
	write(".bplint.yml", "overrides:\n  - paths: [legacy]\n    ignoredsignal:\n      disable: [silent-drop]\n")
	stdout, stderr, _ = bplint(t, dir, "-v", "./...")
	assert.Equal(t, []string{"silent-drop", "discarded-signal", "discarded-signal", "goroutine-per-item"}, rulesOf(t, stdout))
	assert.Contains(t, stderr, "group 2 of 2", "-v says what it runs")
	assert.Contains(t, stderr, "bplint: configuration: "+filepath.Join(dir, ".bplint.yml"))
	stdout, _, _ = bplint(t, dir, "-ignoredsignal.disable=discarded-signal", "./...")
	assert.Equal(t, []string{"silent-drop", "silent-drop", "goroutine-per-item"}, rulesOf(t, stdout), "the flag replaces the option everywhere, legacy/'s disable too")

	write(".bplint.yml", "ignoredsignal:\n  strictt: true\n")
	stdout, stderr, code = bplint(t, dir, "./...")
	assert.Equal(t, exitError, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, `.bplint.yml:2:3: unknown key "strictt" in ignoredsignal`)
}

// TestExplainEveryRule: bplint -explain RULE and bplint help RULE print the
// rule's page, docs/RULE.md, from the binary.
func TestExplainEveryRule(t *testing.T) {
	for _, r := range registered() {
		t.Run(r.ID, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "..", "docs", r.ID+".md"))
			require.NoError(t, err)
			stdout, stderr, code := bplint(t, t.TempDir(), "-explain", r.ID)
			require.Equal(t, exitClean, code, stderr)
			assert.Equal(t, string(want), stdout)
			again, _, _ := bplint(t, t.TempDir(), "help", r.ID)
			assert.Equal(t, stdout, again)
		})
	}
	stdout, _, code := bplint(t, t.TempDir(), "help")
	assert.Equal(t, exitClean, code)
	for _, r := range registered() {
		assert.Contains(t, stdout, r.ID)
	}
	_, stderr, code := bplint(t, t.TempDir(), "-explain", "no-such-rule")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, `no page "no-such-rule"`)
}

// TestVersion: -V names the module version, the VCS revision and the Go
// version of a binary built in this checkout.
func TestVersion(t *testing.T) {
	rev, err := testproc.Command(t, "git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	top, err := testproc.Command(t, "git", "rev-parse", "--show-toplevel").Output()
	require.NoError(t, err)
	if fi, err := os.Stat(filepath.Join(strings.TrimSpace(string(top)), ".git")); err != nil || !fi.IsDir() {
		t.Skip("the go command stamps VCS information only where .git is a directory, not in a linked work tree")
	}
	bin := filepath.Join(t.TempDir(), "bplint")
	cmd := testproc.Command(t, "go", "build", "-buildvcs=true", "-o", bin, "../../cmd/bplint")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	stdout, _, code := runIn(t, ".", nil, bin, "-V")
	assert.Equal(t, exitClean, code)
	goVersion, err := testproc.Command(t, "go", "env", "GOVERSION").Output()
	require.NoError(t, err)
	assert.Regexp(t, `^bplint \S+, revision `+strings.TrimSpace(string(rev))+` \S+( \(modified\))?, `+strings.TrimSpace(string(goVersion))+` \w+/\w+\n$`, stdout)
}

func TestVersionOf(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/bplint/bplint", Version: "v1.2.3"}, Settings: []debug.BuildSetting{
		{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"},
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}, {Key: "vcs.time", Value: "2026-11-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	assert.Equal(t, "v1.2.3, revision 0123456789abcdef0123456789abcdef01234567 2026-11-01T10:00:00Z (modified), go1.26.8 linux/amd64", versionOf(bi))

	// go install ...@pseudo-version: no VCS settings, the revision is in the version.
	bi = &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261101100000-0123456789ab"}, Settings: []debug.BuildSetting{{Key: "GOOS", Value: "darwin"}, {Key: "GOARCH", Value: "arm64"}}}
	assert.Equal(t, "v0.0.0-20261101100000-0123456789ab, revision 0123456789ab, go1.26.8 darwin/arm64", versionOf(bi))

	bi = &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "GOOS", Value: "linux"}, {Key: "GOARCH", Value: "amd64"}}}
	assert.Equal(t, "(devel), revision unknown (built without VCS information), go1.26.8 linux/amd64", versionOf(bi))
}

// TestPackageVettedBeforeAsADependency: go vet's cache key does not say
// whether a run was for facts only, so a package first vetted as a
// dependency comes back from the cache unanalyzed when it is asked for
// next. bplint asks again for it, and reports its findings.
func TestPackageVettedBeforeAsADependency(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		"dep/dep.go":   "package dep\n\nfunc work(int) {}\n\n// Serve starts a goroutine per value.\nfunc Serve(in chan int) {\n\tfor v := range in {\n\t\tgo work(v)\n\t}\n}\n",
		"user/user.go": "package user\n\nimport \"example.com/tmp/dep\"\n\nfunc Run(in chan int) { dep.Serve(in) }\n",
	})
	env := []string{"GOCACHE=" + t.TempDir()}
	_, stderr, code := runIn(t, dir, env, self(t), "./user")
	require.Equal(t, exitClean, code, stderr)
	stdout, stderr, code := runIn(t, dir, env, self(t), "./dep")
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, []string{"dep/dep.go:8:3 (goroutine-per-item)"}, lines(t, stdout))
}

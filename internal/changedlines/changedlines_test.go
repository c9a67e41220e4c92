package changedlines

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const patch = `diff --git a/a.go b/a.go
index 1111111..2222222 100644
--- a/a.go
+++ b/a.go
@@ -2,3 +2,4 @@ package a
 ctx
-old
+new1
+new2
 ctx
@@ -10 +11 @@ func f() {
-x
+y
diff --git a/gone.go b/gone.go
deleted file mode 100644
index 1111111..0000000
--- a/gone.go
+++ /dev/null
@@ -1 +0,0 @@
-package a
diff --git a/sub/new.go b/sub/new.go
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/sub/new.go
@@ -0,0 +1,2 @@
+package sub
+var x = 1
`

func TestParse(t *testing.T) {
	root := t.TempDir()
	s, err := Parse(strings.NewReader(patch), root)
	require.NoError(t, err)
	a := filepath.Join(root, "a.go")
	var changed []int
	for line := 1; line <= 20; line++ {
		if s.Contains(a, line) {
			changed = append(changed, line)
		}
	}
	assert.Equal(t, []int{3, 4, 11}, changed, "added lines, numbered in the new file")
	assert.True(t, s.Contains(filepath.Join(root, "sub", "new.go"), 2))
	assert.False(t, s.Contains(filepath.Join(root, "gone.go"), 1))
	assert.False(t, s.Contains(filepath.Join(root, "other.go"), 1))
}

func TestParseError(t *testing.T) {
	_, err := Parse(strings.NewReader("diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n@@ -1,3 +1,3 @@\n-x\n"), t.TempDir())
	assert.Error(t, err)
}

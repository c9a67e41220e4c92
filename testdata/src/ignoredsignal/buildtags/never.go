//go:build bplint_never_set

package buildtags

func excluded(q *Queue) {
	q.TrySend(2) // ok: this file is not in the build
}

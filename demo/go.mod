module example.com/bplint-demo

go 1.26.0

require (
	golang.org/x/sync v0.25.0
	golang.org/x/time v0.16.0
)

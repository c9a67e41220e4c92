package cgo

// Plain is here so the package still builds without cgo.
func Plain() {}

// Package testload has a load rule's finding in a test file only.
package testload

func handle(int) {}

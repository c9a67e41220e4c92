package generated

func handwritten(q *Queue) {
	Push(q) // want `result of Push .* is discarded`
}

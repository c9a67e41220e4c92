package suppress

//bplint:file-ignore silent-drop this file implements a lossy metrics buffer

func lossy(ch chan int, v int) {
	select {
	case ch <- v: // ok: the file is suppressed
	default:
	}
}

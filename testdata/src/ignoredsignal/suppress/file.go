package suppress

//bplint:file-ignore silent-drop this file implements a lossy metrics buffer

func lossy(ch chan int) {
	select {
	case ch <- 1: // ok: the file is suppressed
	default:
	}
}

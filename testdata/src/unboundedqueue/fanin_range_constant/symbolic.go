package fanin_range_constant

import "errors"

// closeAll starts one closer per element and receives once per element
// with for range len(closes): every sender is heard, also when the slice
// is empty and the guard skips the loop.
func closeAll(first func() error, extra []func() error) error {
	closes := []func() error{first}
	for _, c := range extra {
		if c != nil {
			closes = append(closes, c)
		}
	}
	errc := make(chan error) // ok: len(closes) receives for len(closes) senders
	for _, c := range closes {
		go func(c func() error) {
			errc <- c()
		}(c)
	}
	var errs []error
	for range len(closes) {
		if err := <-errc; err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// closeFirstError leaves at the first error: the other closers block.
func closeFirstError(closes []func() error) error {
	errc := make(chan error) // want `the sends on errc at line 35 block forever when closeFirstError returns at line 40`
	for _, c := range closes {
		go func(c func() error) {
			errc <- c()
		}(c)
	}
	for range len(closes) {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// closeSome receives n times for len(closes) senders: n is not their count.
func closeSome(closes []func() error, n int) error {
	errc := make(chan error) // want `the sends on errc at line 51 block forever when closeSome returns at line 58`
	for _, c := range closes {
		go func(c func() error) {
			errc <- c()
		}(c)
	}
	var errs []error
	for range n {
		errs = append(errs, <-errc)
	}
	return errors.Join(errs...)
}

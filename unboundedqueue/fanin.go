package unboundedqueue

func (u *checker) fanIn() {}

package unboundedqueue

func (u *checker) queues() {}

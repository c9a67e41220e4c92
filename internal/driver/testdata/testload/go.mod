module example.com/testload

go 1.24

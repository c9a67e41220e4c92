module example.com/golangcimod

go 1.24

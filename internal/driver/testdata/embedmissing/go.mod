module example.com/embedmissing

go 1.24

-- expect: 2:14 expected a bus name after '~'
out $ sine 1 ~ 2

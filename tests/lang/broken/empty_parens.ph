-- expect: 2:13 expected an expression after '('
out $ sine ()

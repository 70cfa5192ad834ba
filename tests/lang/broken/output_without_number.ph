-- expect: 2:1 expected a statement
o $ sine 1

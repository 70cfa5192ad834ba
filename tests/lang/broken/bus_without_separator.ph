-- expect: 2:1 expected a statement
~bass saw 55

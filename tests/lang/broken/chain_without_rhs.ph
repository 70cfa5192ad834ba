-- expect: 3:4 expected an expression after '#'
~bass $ saw 55
  #

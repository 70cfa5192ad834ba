-- expect: 2:41 expected ',' or ']'
out $ stack [s "bd", s "hh*2" # gain 0.5

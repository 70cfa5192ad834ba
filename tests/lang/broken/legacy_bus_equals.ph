-- expect: 3:7 a bus is defined with '$' or ':', not '='
cps: 1
~bass = saw 55

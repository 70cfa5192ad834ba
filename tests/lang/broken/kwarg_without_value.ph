-- expect: 2:26 expected a value after the keyword argument ':q'
out $ saw 55 # lpf 300 :q

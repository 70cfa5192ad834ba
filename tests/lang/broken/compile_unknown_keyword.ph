-- expect: 2:20 'lpf' has no parameter 'cutof'
out $ saw 55 # lpf :cutof 800

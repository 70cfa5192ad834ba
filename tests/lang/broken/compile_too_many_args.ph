-- expect: 2:28 too many arguments for 'lpf'
out $ saw 55 # lpf 800 0.7 3

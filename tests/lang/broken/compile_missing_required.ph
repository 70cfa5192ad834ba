-- expect: 2:7 'lpf' needs its 'cutoff'
out $ lpf

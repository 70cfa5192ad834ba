-- expect: 2:16 unknown function 'lpff' (did you mean 'lpf'?)
out $ saw 55 # lpff 800 0.7

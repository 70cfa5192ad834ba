out $ s "superpiano*512" # note "c4'maj" # sustain 100

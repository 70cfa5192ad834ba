out $ impulse 4 # allpass 1e9

out $ impulse 4 # comb 0 0.999

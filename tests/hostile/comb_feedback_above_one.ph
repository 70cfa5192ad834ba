out $ impulse 4 # comb 440 50

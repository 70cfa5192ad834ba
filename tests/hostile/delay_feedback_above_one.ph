out $ impulse 4 # delay 0.01 100 1

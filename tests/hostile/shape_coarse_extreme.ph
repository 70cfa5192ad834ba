out $ s "bd*4" # shape 1e9 # coarse -1e9

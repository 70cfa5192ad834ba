out $ s "bd*4" # accelerate 1e30

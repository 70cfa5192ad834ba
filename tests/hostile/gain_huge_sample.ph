out $ s "bd*8" # gain 1e30

out $ s "bd*16" # loop 1e9

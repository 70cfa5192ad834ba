out $ s "bd" # speed 0

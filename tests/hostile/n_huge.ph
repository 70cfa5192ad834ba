out $ s "bd" # n 1e300

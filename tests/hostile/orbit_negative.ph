out $ s "bd" # orbit -5

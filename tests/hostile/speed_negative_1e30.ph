out $ s "bd" # speed -1e30

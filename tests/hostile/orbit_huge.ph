out $ s "bd" # orbit 1e9

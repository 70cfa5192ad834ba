out $ s "bd" # speed "nan"

out $ saw 55 # moog_ladder 1000 1e9

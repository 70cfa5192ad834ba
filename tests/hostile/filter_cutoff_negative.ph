out $ saw 55 # lpf -1000 -5

out $ saw 55 # lpf 1e308 1e308

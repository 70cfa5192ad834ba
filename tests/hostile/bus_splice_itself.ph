~fx $ lpf 300 0.5 # ~fx
out $ saw 55 # ~fx

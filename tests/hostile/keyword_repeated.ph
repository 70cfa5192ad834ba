out $ saw 55 # lpf :cutoff 100 :cutoff 200 :cutoff 300

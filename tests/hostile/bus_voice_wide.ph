~a $ saw 55 * 0.1 # lpf 800 0.7
out $ s "~a*128"

~m # ~m
out $ saw 55 # ~m

out $ impulse 4 # reverb 1e9 -1e9 1e9

out $ saw 22050 * 0.2 + square 44100 * 0.2

-- A chord progression from three oscillators, one per voice, each its own pattern.
tempo: 0.25
~root $ saw "<c3 a2 f2 g2>" * 0.12
~third $ saw "<e3 c3 a2 b2>" * 0.1
~fifth $ saw "<g3 e3 c3 d3>" * 0.1
out $ (~root + ~third + ~fifth) # lpf 1400 0.7

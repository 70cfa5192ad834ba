-- Three against four: two voices on their own outputs, summed at -3 dB each.
tempo: 0.5
outmix: sqrt
o1 $ tri "{c4 e4 g4, a3 c4 e4 g4}%4" * 0.25
o2 $ square "{c2 g2 c3}%4" * 0.08 # lpf 900 0.7

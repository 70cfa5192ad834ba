-- A resonant saw bass whose filter opens and closes every four seconds.
tempo: 0.5
~cutoff $ sine 0.25 * 900 + 1200
out $ saw "<c2 c2 eb2 g1>*8" * 0.2 # lpf ~cutoff 6

-- Pulse width swept by a slow sine at audio rate, pitches from a pattern.
tempo: 0.5
out $ pulse "<a2 e2>*2" (sine 0.3 * 0.4 + 0.5) * 0.2 # lpf 2500 0.7

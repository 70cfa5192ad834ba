-- Transforms reach patterns anywhere in the expression: every other cycle twice as fast.
tempo: 0.5
out $ every 2 (fast 2) $ saw "a2 c3 e3 g3" * 0.25 # lpf 1200 0.9

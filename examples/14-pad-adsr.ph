-- A slow pad: a chord each cycle, swelling and fading with the per-cycle ADSR, through a chorus
-- and a reverb; every other cycle a shorter note, held by env's gate pattern.
tempo: 0.25
~chord $ (saw "<c3 a2 f2 g2>" + saw "<e3 c3 a2 b2>" + saw "<g3 e3 c3 d3>") * 0.25
out $ ~chord # adsr 0.6 0.4 0.7 1.2 # env 0.05 0.2 0.8 0.5 :gate "<t [t ~]>" # lpf 1800 0.7 # chorus 0.4 0.5 0.5 # reverb 0.8 0.5 0.3

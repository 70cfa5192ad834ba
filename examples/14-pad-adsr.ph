-- A slow pad: chords held by a gate pattern, shaped by an ADSR, through a chorus and reverb.
tempo: 0.25
~chord $ (saw "<c3 a2 f2 g2>" + saw "<e3 c3 a2 b2>" + saw "<g3 e3 c3 d3>") * 0.25
out $ ~chord * adsr "t ~" 0.6 0.4 0.7 1.2 # lpf 1800 0.7 # chorus 0.4 0.5 0.5 # reverb 0.8 0.5 0.3

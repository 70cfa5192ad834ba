-- Three detuned saws beating slowly against each other, softened by a low-pass.
out $ (saw 55 + saw 55.4 + saw 110.3) * 0.12 # lpf 700 0.8

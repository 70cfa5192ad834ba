-- Drums from oscillators and envelopes: a kick with a falling pitch, a noise snare, hats.
tempo: 0.55
~kick $ sine (tar "x ~ ~ x ~ ~ x ~" 0.001 0.08 * 120 + 45) * tar "x ~ ~ x ~ ~ x ~" 0.001 0.35
~snare $ white_noise * tar "~ x" 0.001 0.15 # bpf 1800 0.8
~hats $ white_noise * tar "x*8" 0.001 0.03 # hpf 7000 0.7
out $ ~kick * 0.6 + ~snare * 0.4 + ~hats * 0.2

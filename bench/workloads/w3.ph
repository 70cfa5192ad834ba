-- W3: a drum machine, 16 events per second. Every 4th step a kick: a sine swept from 160 to
-- 50 Hz in 0.1 s, a 1 ms attack and a 0.3 s linear decay; the other steps a hat: white noise
-- through a 7 kHz 2-pole high-pass, a 1 ms attack and a 50 ms decay. A new voice per event; the
-- voice's own envelope (attack, sustain, release) is the sound's. All into a feedback delay
-- (0.375 s, feedback 0.4) mixed in at 0.3, then a Freeverb (room 0.8, damping 0.5) 33 % wet.
-- Render 60 s.
tempo: 1
~kick $ sine (segments 160 :level1 50 :times 0.1) * 0.5
~hat $ white_noise # hpf 7000 0.7071
~kicks $ s "[~kick ~ ~ ~]*4" # attack 0.001 # sustain 0.001 # release 0.3
~hats $ s "[~ ~hat ~hat ~hat]*4" # attack 0.001 # sustain 0.001 # release 0.05 # gain 0.2
~voices $ ~kicks + ~hats
~echoes $ ~voices + (~voices # delay 0.375 0.4 1) * 0.3
out $ ~echoes # reverb 0.8 0.5 0.33

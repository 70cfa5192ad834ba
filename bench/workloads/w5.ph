-- W5: examples/15-kit-groove.ph, the heaviest example by render time. Render 60 s.
-- Copied by gen.py.
-- Drums and bass on the built-in kit: no sample folder needed.
bpm: 124
~drums $ s "bd*4, ~ cp ~ cp, hh*8" # gain 0.9
~ghost $ s "~ ~ ~ sn:2? ~ ~ sn:3 ~" # gain 0.35 # speed 1.1
~open $ s "~ oh ~ oh" # n "<0 1>" # gain 0.5 # cut 1
~toms $ every 4 (fast 2) $ s "~ ~ ~ ~ ~ ~ lt mt" # gain 0.6
~bass $ saw "c2 c2 [~ c2] eb2 c2 [~ g1] bb1 c2" * tar "x x [~ x] x x [~ x] x x" 0.005 0.18 # lpf 900 0.6
out $ (~drums + ~ghost + ~open + ~toms) * 0.5 + ~bass * 0.3 # reverb 0.3 0.4 0.15

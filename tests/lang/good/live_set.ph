-- a small live set: comments never swallow continuation lines
cps: 0.55

~kick $ s "bd*4" -- four on the floor
  # gain 1.1
~hats $ s "hh*8" $ degradeBy 0.2 // thin them out
  # gain "0.6 0.8" # pan (sine 0.25)
~bass $ saw "55 55 82.5 73.4"
  # lpf (sine 0.5 * 800 + 1000) 0.7
  -- the filter moves slowly
  # gain 0.4
~pad $ every 4 (fast 2) $ n "0 .. 7" |+ n "<0 3>" # s "superpiano"
~fx # lpf 2000 # reverb 0.7 0.5

out $ ~kick + ~hats + ~bass * 0.5
o2: jux rev $ s "cp(3,8)" # ~fx
d3 $ off 0.125 (|+ n 12) $ n "c e g" # s "superpiano" # legato 0.5
outmix: sqrt

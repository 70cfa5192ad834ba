-- a program
tempo: 0.5
bpm: 120 "4/4"
~bass $ saw 55 # lpf (sine 0.5 * 1000 + 1200) 0.8  -- inline comment
    # gain 0.5
~drums $ s "bd sn" $ fast 2 $ rev
~m # speed "1 2"
~mix a b $ a + b
@crazy: fast 2 $ rev
%sp: "1 2 4"
out $ ~bass * 0.3 + ~drums
o1: jux rev $ every 4 (fast 2) $ s "hh*8" # n "<0 3>"
d2 # s "cp"
hush
hush2
unhush 3
panic
solo 1
mute 2
unmute 2
unsolo
setCycle 4
resetCycles
nudge -0.1
fn doublesaw f d = saw (f - d) + saw (f + d)
outmix: TANH
buffer: 256
out $ sometimes (# speed 2) $ s "bd*8" # lpf :cutoff 1000 :q 0.5
out $ s "x" |+| n "0 1" |* speed 2 ~* ~lfo
out $ stack [s "bd", s "hh*2"]
tempo: 0.5 out $ sine 440

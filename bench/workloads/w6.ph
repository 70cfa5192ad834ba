-- W6: 1000 sample voices at once. The sample (bench/noise.py writes it: 64000 frames of
-- white noise, mono) starts every 64 samples and plays to its end, so from 1.45 s on
-- 1000 voices sound. 8 players of 125 voices each (a player sounds at most 128).
-- The gain is 0.01 x sqrt 2: a mono sample is -3 dB in each channel at the centre.
-- Render 20 s with --samples DIR, DIR/w6noise/ holding the sample. Written by gen.py.
tempo: 0.6890625
~p0 $ s "[w6noise ~ ~ ~ ~ ~ ~ ~]*125" # gain 0.01414214
~p1 $ s "[~ w6noise ~ ~ ~ ~ ~ ~]*125" # gain 0.01414214
~p2 $ s "[~ ~ w6noise ~ ~ ~ ~ ~]*125" # gain 0.01414214
~p3 $ s "[~ ~ ~ w6noise ~ ~ ~ ~]*125" # gain 0.01414214
~p4 $ s "[~ ~ ~ ~ w6noise ~ ~ ~]*125" # gain 0.01414214
~p5 $ s "[~ ~ ~ ~ ~ w6noise ~ ~]*125" # gain 0.01414214
~p6 $ s "[~ ~ ~ ~ ~ ~ w6noise ~]*125" # gain 0.01414214
~p7 $ s "[~ ~ ~ ~ ~ ~ ~ w6noise]*125" # gain 0.01414214
out $ ~p0 + ~p1 + ~p2 + ~p3 + ~p4 + ~p5 + ~p6 + ~p7

-- layouts a musician writes: lists and parentheses over several lines, comments between

cps: 0.5

~pad $ stack [
    saw "c3 e3",       -- root
    saw "g3 b3" * 0.5  // fifth
  ]
  # lpf (sine 0.1
         * 400 + 900) 0.6

~lead $ s "bd(3,8,<0 2>) [~ sn]"
  $ every 3 (fast 2 $ rev)
  $ sometimesBy 0.3 (# speed "2 | 0.5")
  # gain 0.9

~wob t $ saw 55 $ t
fn thicken d = saw (110 - d) + saw (110 + d)

d1 $ ~lead
d2: ~pad + thicken 0.3 * 0.2
hush3

-- expect: 4:1 there is no setcps
d1 $ s "bd*4"
  # gain 1.2
setcps 0.5

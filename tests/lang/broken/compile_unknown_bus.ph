-- expect: 3:7 unknown bus '~basss' (did you mean '~bass'?)
~bass $ saw 55
out $ ~basss * 0.5

-- expect: 3:19 in mini-notation: expected ']'
tempo: 1
out $ s "bd [sn hh"

-- expect: 2:14 in mini-notation: unexpected ']'
d1 $ s "bd sn] hh"

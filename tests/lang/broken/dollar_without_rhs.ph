-- expect: 2:27 expected an expression after '$'
out $ s "bd sn" $ fast 2 $

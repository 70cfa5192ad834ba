-- expect: 3:4 expected an expression after ':'
tempo: 1
~a:

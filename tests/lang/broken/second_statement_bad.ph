-- expect: 5:6 expected an expression after '$'
tempo: 0.5
~a $ sine 1

out $


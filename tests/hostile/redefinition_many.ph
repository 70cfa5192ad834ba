~a $ sine 1
~a $ sine 2
~a $ sine 3
~a $ ~a * 0.5
out $ ~a

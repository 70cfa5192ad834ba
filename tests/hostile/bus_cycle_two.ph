~a $ ~b * 3 + sine 440
~b $ ~a * 3
out $ ~a

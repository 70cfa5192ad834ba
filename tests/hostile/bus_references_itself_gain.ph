~a $ ~a * 2 + 1
out $ ~a

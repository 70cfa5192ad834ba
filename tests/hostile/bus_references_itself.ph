~a $ ~a
out $ ~a

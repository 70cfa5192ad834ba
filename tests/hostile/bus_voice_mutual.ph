~a $ s "~b"
~b $ s "~a"
out $ ~a

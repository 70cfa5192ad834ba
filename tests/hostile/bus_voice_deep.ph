~a $ sine 440 * 0.2
~b $ s "~a*8"
~c $ s "~b*8"
~d $ s "~c*8"
~e $ s "~d*8"
out $ ~e

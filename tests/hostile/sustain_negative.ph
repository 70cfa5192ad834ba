out $ s "bd*16" # sustain -1

out $ s "bd*16" # legato 0

out $ s "bd*16" # cut 99999999999

out $ s "bd*0"

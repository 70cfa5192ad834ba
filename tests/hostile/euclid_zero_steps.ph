out $ s "bd(3,0)"

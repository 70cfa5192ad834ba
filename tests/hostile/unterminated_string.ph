out $ s "bd sn

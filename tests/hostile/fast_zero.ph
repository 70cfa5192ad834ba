out $ fast 0 $ s "bd sn"

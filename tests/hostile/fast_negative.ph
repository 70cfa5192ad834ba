out $ fast -2 $ s "bd sn"

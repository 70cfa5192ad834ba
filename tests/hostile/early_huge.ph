out $ early 1e300 $ s "bd sn"

out $ fast 1e308 $ s "bd"

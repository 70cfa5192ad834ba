out $ chop 1000000000 $ s "bd"

out $ every -3 (fast 2) $ s "bd sn"

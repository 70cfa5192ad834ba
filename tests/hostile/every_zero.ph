out $ every 0 (fast 2) $ s "bd sn"

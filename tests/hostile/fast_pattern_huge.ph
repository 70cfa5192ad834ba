out $ fast "1 1e15 1e-15" $ s "bd sn"

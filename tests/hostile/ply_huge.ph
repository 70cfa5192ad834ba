out $ ply 1000000000 $ s "bd"

@t: fast 2 $ @t
out $ s "bd sn" $ @t

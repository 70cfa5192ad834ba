out $ iter 1000000000 $ s "bd sn"

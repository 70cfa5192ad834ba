out $ striate 1000000000 $ s "bd"

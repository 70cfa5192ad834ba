out $ echo 1000000000 0.1 0.5 $ s "bd"

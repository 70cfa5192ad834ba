out $ slow 1e308 $ s "bd"

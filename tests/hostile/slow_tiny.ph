out $ slow 1e-300 $ s "bd"

bpm: 1e308
out $ s "bd"

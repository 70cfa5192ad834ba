bpm: 59999
out $ s "bd*16"

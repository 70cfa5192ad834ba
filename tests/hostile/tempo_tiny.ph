tempo: 0.0000001
out $ s "bd*16"

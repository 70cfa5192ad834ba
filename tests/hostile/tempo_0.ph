tempo: 0
out $ sine 440

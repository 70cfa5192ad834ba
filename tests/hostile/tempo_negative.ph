tempo: -1
out $ sine 440

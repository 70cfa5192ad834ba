buffer: -5
out $ sine 440

buffer: 1e12
out $ sine 440

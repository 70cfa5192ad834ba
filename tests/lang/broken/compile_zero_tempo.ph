-- expect: 2:8 tempo must be above 0
tempo: 0
out $ sine 440

out $ sine 440 # delay 1e9 0.5 0.5

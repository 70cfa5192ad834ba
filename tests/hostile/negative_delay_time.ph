out $ sine 440 # delay -5 0.5 0.5

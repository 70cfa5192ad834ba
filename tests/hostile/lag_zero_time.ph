out $ sine 440 # lag 0

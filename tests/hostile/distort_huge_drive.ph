out $ sine 440 # distort 1e30 1

out $ sine 440 / 0

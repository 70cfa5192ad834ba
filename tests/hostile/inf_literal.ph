out $ sine inf * 0.2

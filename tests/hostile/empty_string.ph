out $ sine "" * 0.2

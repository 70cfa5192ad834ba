out $ sine nan * 0.2

out $ s "{bd sn}%1000000000"

out $ s "{bd sn}%0"

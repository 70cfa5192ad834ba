setCycle 1e300
out $ s "bd sn"

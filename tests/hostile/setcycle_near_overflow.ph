setCycle 9223372036854775000
out $ s "bd*4 sn"

out $ s "bd@1000000000000 sn"

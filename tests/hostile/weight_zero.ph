out $ s "bd@0 sn@0"

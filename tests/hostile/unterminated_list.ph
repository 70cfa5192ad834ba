out $ stack [s "bd", s "sn"

out $ s "bd sn
hh cp

out $ sine 440

~m $ s "~m"
out $ ~m

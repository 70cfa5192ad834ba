out $ s "superpiano" # note "c2147483648"

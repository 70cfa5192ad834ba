-- expect: 2:1 '~drums:s' reads as one bus name: put a space after ':' to define ~drums
~drums:s "bd sn"

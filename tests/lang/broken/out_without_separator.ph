-- expect: 3:5 expected '$', ':' or '#' after 'out', found 's'
~a $ sine 1
out s "bd sn"

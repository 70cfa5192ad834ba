-- expect: 2:12 '<~' is not an operator
out $ 0.25 <~ s "bd sn"

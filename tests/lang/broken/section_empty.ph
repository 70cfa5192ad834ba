-- expect: 2:18 expected an expression after '#', found ')'
out $ every 2 (# ) $ s "bd"

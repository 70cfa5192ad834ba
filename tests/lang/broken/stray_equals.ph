-- expect: 2:16 unexpected '='
out $ sine 440 = 2

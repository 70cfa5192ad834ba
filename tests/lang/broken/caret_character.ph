-- expect: 2:16 unexpected character
out $ sine 440 ^ 2

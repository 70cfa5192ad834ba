-- expect: 2:16 no comparison operators
out $ sine 440 > 0

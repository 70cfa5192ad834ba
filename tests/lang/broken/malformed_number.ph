-- expect: 2:12 malformed number
out $ sine 4x0

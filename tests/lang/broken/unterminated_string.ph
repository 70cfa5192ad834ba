-- expect: 3:9 unterminated string
tempo: 0.5
out $ s "bd sn


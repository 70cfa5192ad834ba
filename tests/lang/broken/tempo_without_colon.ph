-- expect: 3:7 expected ':' after 'tempo', found '2.0'
out $ sine 440
tempo 2.0

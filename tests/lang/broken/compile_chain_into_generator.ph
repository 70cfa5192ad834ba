-- expect: 2:16 'sine' takes no input
out $ saw 55 # sine 3

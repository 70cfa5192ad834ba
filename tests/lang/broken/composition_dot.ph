-- expect: 2:23 function composition
out $ every 2 (fast 2 . rev) $ s "bd"

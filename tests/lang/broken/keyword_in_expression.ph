-- expect: 2:16 'panic' is a statement
out $ fast 2 $ panic

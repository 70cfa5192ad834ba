-- expect: 2:16 'segments' takes at most 8 values in its 'levels'
out $ segments "0 1 0 1 0 1 0 1 0" "1"

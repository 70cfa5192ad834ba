fn d x = x + x
out $ d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (d (sine 440))))))))))))))))))))

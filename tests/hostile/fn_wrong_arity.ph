fn f x y = x * y
out $ f 1 2 3 4 5

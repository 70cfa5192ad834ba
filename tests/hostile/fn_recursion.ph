fn f x = f x
out $ f (sine 440)

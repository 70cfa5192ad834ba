fn f x = x # @t
@t: lpf (f 300) 0.5
out $ f (saw 55)

fn f x = g x
fn g x = f x
out $ f (sine 440)

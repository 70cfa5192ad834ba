~fb $ 0.5 + ~fb * 1.0
out $ ~fb

~fb $ sine 220 * 0.5 + ~fb * 10 # delay 0.1 0.99 1
out $ ~fb

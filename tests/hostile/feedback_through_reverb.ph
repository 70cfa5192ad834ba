~fb $ sine 220 * 0.5 + ~fb * 5 # reverb 0.99 0.1 1
out $ ~fb

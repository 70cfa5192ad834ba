~fb $ impulse 2 + ~fb * 1.5 # rlpf 1000 0.99
out $ ~fb

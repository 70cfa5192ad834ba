out $ saw 55 # bpf 1000 0 # rlpf 500 0 # moog_ladder 300 1e9

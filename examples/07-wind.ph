-- Pink noise through a band-pass swept slowly up and down: wind.
~sweep $ sine 0.1 * 1500 + 2000
out $ pink_noise * 2.5 # bpf ~sweep 4

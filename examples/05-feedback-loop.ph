-- A bus that hears itself one sample late: a comb-like ring around a low sine.
~ring $ sine 110 * 0.2 + ~ring * 0.7 # lpf 1800 0.7
out $ ~ring * 0.5

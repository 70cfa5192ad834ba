@t: lpf 300 0.5 # @t
out $ saw 55 # @t

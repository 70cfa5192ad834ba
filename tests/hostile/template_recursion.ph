@t: @t
out $ sine 440 # @t

@a: @b
@b: @a
out $ sine 440 # @a

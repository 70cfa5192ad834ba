out $ sine 440
hush
panic
unhush
mute 99999999
solo -1

out $ sine 440 # bitcrush 0 0

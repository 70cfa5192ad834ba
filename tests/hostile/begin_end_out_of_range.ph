out $ s "bd*4" # begin -5 # end 1e9

out $ s "bd" # begin 0.9 # end 0.1

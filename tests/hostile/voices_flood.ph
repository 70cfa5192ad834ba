out $ s "[bd sn hh cp oh]*256" # legato 100

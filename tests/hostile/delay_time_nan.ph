out $ impulse 4 # delay nan nan nan

out $ s "bd*4" # pan 1e30

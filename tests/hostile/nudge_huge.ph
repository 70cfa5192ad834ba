nudge 1e30
out $ s "bd"

out $ select 1e300 (sine 440) (saw 220) * 0.2

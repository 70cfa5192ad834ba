out $ wrap (sine 440) 1 1 * 0.2

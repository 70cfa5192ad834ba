out $ sine 440 * curve 0 1 0 1e308

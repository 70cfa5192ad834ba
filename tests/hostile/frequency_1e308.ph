out $ sine 1e308 * 0.2

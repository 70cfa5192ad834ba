out $ saw -1e308 * 0.2

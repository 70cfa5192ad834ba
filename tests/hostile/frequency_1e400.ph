out $ sine 1e400 * 0.2

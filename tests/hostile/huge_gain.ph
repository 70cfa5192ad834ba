out $ sine 440 * 1e308 * 1e308

out $ sine "1e308 -1e308 0" * 0.2

out $ sine (mtof 1e9) * 0.2

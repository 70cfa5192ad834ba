out $ sine (segment 1000000000 $ "440") * 0.2

-- expect: 2:7 unknown transform 'fsat' (did you mean 'fast'?)
out $ fsat 2 $ sine "110"

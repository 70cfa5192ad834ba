-- expect: 4:18 expected ')' after '0.8', to close the '(' of line 4
out $ saw 55 # lpf (sine 0.5
    * 1000 + 1200) 0.8
    # reverb (0.8

-- the blank line above ended the statement

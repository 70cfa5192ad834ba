-- expect: 4:5 continues no statement
out $ s "bd*4"

    # lpf 300 0.5

-- expect: 3:14 in mini-notation: expected '>'
~drums $ s "bd*2"
    # n "<0 3"

-- expect: 2:31 expected ')'
out $ lpf (sine 2 * 500 + 800 0.8

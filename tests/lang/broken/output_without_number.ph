-- expect: 2:3 expected an output number right after 'o'
o $ sine 1

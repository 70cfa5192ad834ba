-- expect: 2:6 expected an output number after 'solo'
solo all

-- expect: 2:9 expected a block size
buffer: large

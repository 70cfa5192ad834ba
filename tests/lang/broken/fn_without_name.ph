-- expect: 2:4 expected a function name after 'fn'
fn = saw 2

-- expect: 2:18 expected '=' after the parameters of fn wobble
fn wobble f d saw

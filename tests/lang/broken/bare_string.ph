-- expect: 2:1 expected a statement
"bd sn hh cp"

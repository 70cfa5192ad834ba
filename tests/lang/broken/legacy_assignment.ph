-- expect: 2:1 'name = ...' is not a statement
drums = s "bd sn"

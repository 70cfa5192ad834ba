-- Euclidean rhythms as amplitude patterns: 3 in 8 high, 5 in 8 low.
tempo: 0.6
o1 $ sine 1320 * "[1 0](3,8)" * 0.2
o2 $ sine 330 * "[1 0](5,8,2)" * 0.2

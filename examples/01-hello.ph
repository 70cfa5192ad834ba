-- A first melody: four notes per cycle, one cycle every two seconds.
tempo: 0.5
out $ sine "c4 e4 g4 c5" * 0.3

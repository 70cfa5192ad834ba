out $ (sine 440 - sine 440) / 0

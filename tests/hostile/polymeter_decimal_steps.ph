-- A polymeter of 4.6 steps: 4.6 / 10 is a hair below 23/50, and turning it into a fraction
-- walked 200,000 steps at every query (found by fuzzing: 1.5 s for four cycles).
out $ s "lo#{~1}%4.6*2007 bd(3,8)" # gain 0.5

-- A list parameter given a string of a million values: its first cycle was queried into the
-- program's memory (1.1 GB, 7 s; found by fuzzing). Now refused: the list holds at most 8.
out $ segments "0 1!990051" "0.1" * sine 440
